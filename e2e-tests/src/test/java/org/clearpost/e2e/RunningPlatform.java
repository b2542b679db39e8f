package org.clearpost.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.events.KafkaAccess;
import org.clearpost.infra.TokenClient;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;
import org.clearpost.local.LocalPlatformOptions;
import org.clearpost.testing.KafkaTopicReader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once for the end-to-end suite through the same {@link LocalPlatform} that
 * {@code ./clearpost-local} uses, on free ports and a data directory of its own. JUnit stops it after the last test
 * class, in order, before the JVM's own shutdown hooks run.
 */
final class RunningPlatform implements ExtensionContext.Store.CloseableResource {

    /**
     * When the publisher takes each of a post's five samples, after publication: the last, "30d", 35 seconds after.
     * Long enough for a test to age the post in the sandbox before the first one.
     */
    static final String SAMPLE_AGES = "PT15S,PT20S,PT25S,PT30S,PT35S";

    private final LocalPlatform platform;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private RunningPlatform(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * Hands the suite's platform to test methods: started on first use and kept in JUnit's root store, which closes
     * it when the run ends.
     */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), RunningPlatform.class);
        }
    }

    private static RunningPlatform start() {
        Path dataDir = Path.of("target", "e2e-data").toAbsolutePath();
        // The publisher samples engagement seconds after publication rather than hours (the labels stay 1h ... 30d),
        // and looks for due samples every second, so that AnalyticsFiguresIT sees every sample of a post within a
        // minute. Production keeps the service's defaults: only this suite sets them.
        LocalPlatformOptions options = LocalPlatformOptions.defaults().dataDir(dataDir).freePorts()
                .environment(Component.PUBLISHER, "CLEARPOST_PUBLISHER_METRICS_SAMPLE_AGES", SAMPLE_AGES)
                .environment(Component.PUBLISHER, "CLEARPOST_PUBLISHER_METRICS_POLL_INTERVAL", "1s");
        return new RunningPlatform(LocalPlatform.start(options, line -> System.out.println("[platform] " + line)));
    }

    @Override
    public void close() {
        platform.close();
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

    /** A fresh headless Chromium on the console: its own profile, so its own session. */
    Browser browser() {
        return Browser.open(platform.url(Component.CONSOLE).toString().replaceFirst("/$", ""));
    }

    /** The launcher itself: for a test that stops and starts an application (a replay of analytics). */
    LocalPlatform launcher() {
        return platform;
    }

    /** Reads the topics as the read-only analyst, with the credentials the launcher generated. */
    KafkaTopicReader kafka() {
        return new KafkaTopicReader(platform.kafkaClientConfig(KafkaAccess.ANALYST));
    }
}
