package org.clearpost.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.infra.TokenClient;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;
import org.clearpost.local.LocalPlatformOptions;
import org.clearpost.testing.KafkaTopicReader;

/**
 * The whole platform, started once for the end-to-end suite through the same {@link LocalPlatform} that
 * {@code ./clearpost-local} uses, on free ports and a data directory of its own.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    private final LocalPlatform platform;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private RunningPlatform(LocalPlatform platform) {
        this.platform = platform;
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            Path dataDir = Path.of("target", "e2e-data").toAbsolutePath();
            LocalPlatform platform = LocalPlatform.start(LocalPlatformOptions.defaults().dataDir(dataDir).freePorts(),
                    line -> System.out.println("[platform] " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
            instance = new RunningPlatform(platform);
        }
        return instance;
    }

    /** A request to one application as a demo user of the realm (password = user name), with a real Keycloak token. */
    RequestSpecification as(String user, Component application) {
        String token = tokens.computeIfAbsent(user,
                u -> TokenClient.passwordGrant(platform.issuerUrl(), "clearpost-cli", u, u));
        return anonymous(application).auth().oauth2(token);
    }

    RequestSpecification anonymous(Component application) {
        return given().baseUri(platform.url(application).toString()).contentType(ContentType.JSON);
    }

    KafkaTopicReader kafka() {
        return new KafkaTopicReader(platform.kafkaBootstrapServers());
    }
}
