package org.clearpost.monitoring.spike;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Mentions stored per tracked query per 5-minute window of their time received, added up in one upsert per batch
 * (rows in query id order, so two batches counting the same queries at once wait for each other, never deadlock).
 * The pipeline calls it with the mentions its insert stored, so a replayed batch counts nothing twice.
 */
@ApplicationScoped
public class WindowCounts implements SpikeCounter {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    private static final String UPSERT = """
            INSERT INTO query_window_count (query_id, window_start, count)
            SELECT query_id, ?, count FROM unnest(?::uuid[], ?::bigint[]) AS c(query_id, count)
            ON CONFLICT (query_id, window_start) DO UPDATE SET count = query_window_count.count + EXCLUDED.count""";

    @Override
    public void count(Connection connection, List<List<UUID>> matchedQueries, Instant receivedAt)
            throws SQLException {
        Map<UUID, Long> counts = new TreeMap<>();
        for (List<UUID> queries : matchedQueries) {
            if (queries != null) {
                // A mention listing a query twice is still one mention of it.
                queries.stream().distinct().forEach(q -> counts.merge(q, 1L, Long::sum));
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setTimestamp(1, Timestamp.from(windowStart(receivedAt)));
            upsert.setArray(2, connection.createArrayOf("uuid", counts.keySet().toArray()));
            upsert.setArray(3, connection.createArrayOf("bigint", counts.values().toArray()));
            upsert.executeUpdate();
        }
    }

    /** The start of the 5-minute window (aligned on the epoch, so on the clock's :00, :05, ...) holding {@code at}. */
    public static Instant windowStart(Instant at) {
        long seconds = WINDOW.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
