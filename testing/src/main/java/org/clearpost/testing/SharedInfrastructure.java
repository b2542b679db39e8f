package org.clearpost.testing;

import org.clearpost.events.KafkaAccess;
import org.clearpost.infra.KafkaBroker;
import org.clearpost.infra.KafkaSecurity;
import org.clearpost.infra.PostgresServer;
import org.jboss.logmanager.LogContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The one Kafka broker and one PostgreSQL server of a test JVM, started on first use and stopped at JVM exit.
 * Used through {@link RealInfrastructure}, which reaches this class as loaded by the system class loader.
 */
final class SharedInfrastructure {

    /**
     * The in-process broker and every Kafka client log each partition, segment and config value at INFO, drowning
     * a test's own output. slf4j reaches JBoss LogManager here, so its LogContext is where levels take effect;
     * a service can still turn them up with {@code quarkus.log.category."org.apache.kafka".level}.
     */
    private static final List<String> QUIETED_LOGGERS = List.of("kafka", "state.change.logger", "org.apache.kafka", "io.zonky");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static SharedInfrastructure instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    /** A random password per Kafka principal of the contract's table, made for this JVM only. */
    private final Map<String, String> kafkaPasswords;

    private SharedInfrastructure(KafkaBroker kafka, PostgresServer postgres, Map<String, String> kafkaPasswords) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.kafkaPasswords = kafkaPasswords;
    }

    /**
     * The configuration that points a service at the shared servers and at its own database, created if need be.
     * The service logs in to Kafka as its own principal, so a test fails if it touches a topic the contract does
     * not grant it: database {@code drafting} is {@code drafting-service}. A database that is no service's (the
     * default {@code test}) gets the super user.
     */
    static synchronized Map<String, String> configFor(String database) {
        SharedInfrastructure shared = instance();
        shared.postgres.ensureDatabase(database);
        String principal = KafkaAccess.service(database + "-service").map(KafkaAccess.ServiceAccess::principal)
                .orElse(KafkaBroker.SUPER_USER);
        return Map.of(
                "kafka.bootstrap.servers", shared.kafka.bootstrapServers(),
                "clearpost.kafka.username", principal,
                "clearpost.kafka.password", shared.kafkaPasswords.get(principal),
                "quarkus.datasource.jdbc.url", shared.postgres.jdbcUrl(database),
                "quarkus.datasource.username", shared.postgres.username(),
                "quarkus.datasource.password", shared.postgres.password());
    }

    /**
     * A complete Kafka client configuration (bootstrap servers and login) for {@code principal}, e.g. the super
     * user for test clients that act as some other service.
     */
    static synchronized Map<String, String> kafkaClientConfig(String principal) {
        SharedInfrastructure shared = instance();
        Map<String, String> config = new HashMap<>(KafkaBroker.scramLogin(principal, shared.kafkaPasswords.get(principal)));
        config.put("bootstrap.servers", shared.kafka.bootstrapServers());
        return Map.copyOf(config);
    }

    private static SharedInfrastructure instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static SharedInfrastructure start() {
        QUIETED_LOGGERS.forEach(name -> LogContext.getLogContext().getLogger(name).setLevel(Level.WARNING));
        Path kafkaDir = createTempDirectory("clearpost-test-kafka");
        Map<String, String> kafkaPasswords = KafkaAccess.principals().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), principal -> randomPassword()));
        KafkaBroker kafka = KafkaBroker.start(kafkaDir, 0, kafkaPasswords.get(KafkaBroker.SUPER_USER));
        // Creates every Clearpost topic (consumers that subscribe before a topic exists only see it on their next
        // metadata refresh, which can be later than a test waits), the principals and their ACLs.
        try {
            KafkaSecurity.provision(kafka, kafkaPasswords);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(null, 0);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            kafka.close();
            deleteRecursively(kafkaDir);
        }, "clearpost-test-infrastructure-stop"));
        return new SharedInfrastructure(kafka, postgres, kafkaPasswords);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
