package org.clearpost.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.events.KafkaAccess;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;
import org.clearpost.local.LocalPlatformOptions;

/**
 * The whole platform, started once for the suite through the same {@link LocalPlatform} that
 * {@code ./clearpost-local} uses, on free ports and a data directory of its own ({@code target/fault-data}), and
 * the ways the scenarios look at it: the REST APIs, the topics, the services' databases and the sandbox.
 */
final class FaultPlatform implements AutoCloseable {

    final LocalPlatform platform;
    final Api api;
    final EventLog events;

    private FaultPlatform(LocalPlatform platform) {
        this.platform = platform;
        this.api = new Api(platform::url, platform.issuerUrl());
        this.events = new EventLog(this::kafkaClientConfig);
    }

    /** Kept, or the JDK may collect the loggers and forget their levels. */
    private static final List<java.util.logging.Logger> QUIETED = new ArrayList<>();

    static FaultPlatform start() {
        // The broker runs in this JVM and logs every partition move at INFO; the figures must stay readable.
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
        Path dataDir = Path.of("target", "fault-data").toAbsolutePath();
        return new FaultPlatform(LocalPlatform.start(LocalPlatformOptions.defaults().dataDir(dataDir).freePorts(),
                line -> System.out.println("[platform] " + line)));
    }

    /**
     * Every Kafka client of the suite is configured here and only here. When the platform's broker asks clients to
     * authenticate, add the settings LocalPlatform hands out for them on this one line.
     */
    /** The suite only reads (every topic, dead letters included), so it logs in as the read-only analyst. */
    Map<String, Object> kafkaClientConfig() {
        return new HashMap<>(platform.kafkaClientConfig(KafkaAccess.ANALYST));
    }

    /** Rows of a query on one service's own database, each column by its label. */
    List<Map<String, Object>> query(Component service, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service),
                platform.databaseUsername(), platform.databasePassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service.database() + " failed: " + sql, e);
        }
    }

    /** Everything the network sandbox holds (it keeps it in memory: the sandbox is never killed here). */
    List<JsonNode> sandboxPosts() {
        Api.Reply reply = api.get(null, Component.SANDBOX, "/sandbox/posts");
        if (!reply.is(200)) {
            throw new IllegalStateException("GET /sandbox/posts: " + reply);
        }
        List<JsonNode> posts = new ArrayList<>();
        reply.body().forEach(posts::add);
        return posts;
    }

    @Override
    public void close() {
        platform.close();
    }
}
