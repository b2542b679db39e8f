package org.clearpost.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.clearpost.events.KafkaAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker per test class, provisioned as the launcher does it ({@link KafkaSecurity#provision}): SASL logins with
 * a fresh password for every principal of {@link KafkaAccess}, and their ACLs. Shared by the tests of who may do what.
 */
abstract class ProvisionedKafkaTest {

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;
    static Map<String, String> passwords;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dataDir, 0, "test-super-user-" + UUID.randomUUID());
        passwords = KafkaAccess.principals().stream()
                .collect(Collectors.toMap(Function.identity(), p -> UUID.randomUUID().toString()));
        KafkaSecurity.provision(broker, passwords);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** {@code principal}'s client login on the broker. */
    static Map<String, Object> login(String principal) {
        return broker.clientConfig(principal, passwords.get(principal));
    }

    /** A producer's settings for {@code login}, failing in seconds rather than a minute when refused. */
    static Map<String, Object> producerConfig(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    /** {@code e} and its causes, outermost first: an authorisation error is often wrapped more than once. */
    static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = e; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
