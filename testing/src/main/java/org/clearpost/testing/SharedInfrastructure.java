package org.clearpost.testing;

import org.clearpost.events.Topics;
import org.clearpost.infra.KafkaBroker;
import org.clearpost.infra.PostgresServer;
import org.jboss.logmanager.LogContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    private static SharedInfrastructure instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    private SharedInfrastructure(KafkaBroker kafka, PostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** The configuration that points a service at the shared servers and at its own database, created if need be. */
    static synchronized Map<String, String> configFor(String database) {
        if (instance == null) {
            instance = start();
        }
        instance.postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", instance.kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", instance.postgres.jdbcUrl(database),
                "quarkus.datasource.username", instance.postgres.username(),
                "quarkus.datasource.password", instance.postgres.password());
    }

    private static SharedInfrastructure start() {
        QUIETED_LOGGERS.forEach(name -> LogContext.getLogContext().getLogger(name).setLevel(Level.WARNING));
        Path kafkaDir = createTempDirectory("clearpost-test-kafka");
        KafkaBroker kafka = KafkaBroker.start(kafkaDir, 0);
        // Consumers that subscribe before a topic exists only see it on their next metadata refresh, which can be
        // later than a test waits; every Clearpost topic exists before any service starts.
        kafka.createTopics(Topics.ALL.toArray(String[]::new));
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
        return new SharedInfrastructure(kafka, postgres);
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
