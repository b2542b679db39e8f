package org.clearpost.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker and a real PostgreSQL database:
 * <pre>
 * &#64;QuarkusTestResource(value = RealInfrastructure.class, initArgs = &#64;ResourceArg(name = "database", value = "drafting"))
 * </pre>
 * Both servers are shared by every test of the JVM and stopped when it exits; each service gets its own database.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    private static final String DEFAULT_DATABASE = "test";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        infrastructure.postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infrastructure.kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infrastructure.postgres.jdbcUrl(database),
                "quarkus.datasource.username", infrastructure.postgres.username(),
                "quarkus.datasource.password", infrastructure.postgres.password());
    }

    /** Nothing to do: the servers outlive a single test class and are stopped by a JVM shutdown hook. */
    @Override
    public void stop() {
    }
}
