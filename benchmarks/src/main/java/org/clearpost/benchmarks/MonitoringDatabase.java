package org.clearpost.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;

/** What monitoring stored: its own database, read directly (the inbox's {@code mention} table). */
final class MonitoringDatabase implements AutoCloseable {

    private final Connection connection;

    MonitoringDatabase(LocalPlatform platform) throws SQLException {
        connection = DriverManager.getConnection(platform.jdbcUrl(Component.MONITORING), platform.databaseUsername(),
                platform.databasePassword());
    }

    synchronized long mentions() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM mention");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** {@code received_at} of the Facebook mentions with these external ids that are stored (the others absent). */
    synchronized Map<String, Instant> receivedAt(List<String> externalIds) throws SQLException {
        Map<String, Instant> received = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT external_id, received_at FROM mention WHERE network = 'FACEBOOK' AND external_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", externalIds.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    received.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return received;
    }

    /**
     * For mentions received since {@code since}: milliseconds from the network's delivery to the inbox, per row.
     * The delivery is the {@code delivered_at} column where the pipeline stores it, else {@code mentioned_at} (when
     * the sandbox made the mention, which it delivers at once; to the second on Facebook).
     */
    synchronized double[] deliveryToInboxMillis(Instant since) throws SQLException {
        String from = hasColumn("mention", "delivered_at") ? "delivered_at" : "mentioned_at";
        try (PreparedStatement select = connection.prepareStatement("SELECT extract(epoch FROM received_at - " + from
                + ") * 1000 FROM mention WHERE received_at >= ?")) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = select.executeQuery()) {
                double[] millis = new double[1024];
                int n = 0;
                while (rows.next()) {
                    if (n == millis.length) {
                        millis = java.util.Arrays.copyOf(millis, n * 2);
                    }
                    millis[n++] = rows.getDouble(1);
                }
                return java.util.Arrays.copyOf(millis, n);
            }
        }
    }

    String latencyOrigin() throws SQLException {
        return hasColumn("mention", "delivered_at") ? "delivered_at" : "mentioned_at";
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?")) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
