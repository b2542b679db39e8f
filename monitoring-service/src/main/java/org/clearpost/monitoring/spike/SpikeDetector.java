package org.clearpost.monitoring.spike;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.MentionSpikeDetected;
import org.clearpost.events.Network;
import org.clearpost.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Finds spikes (policy 1.7: a possible crisis) in the per-query window counts. Each run, on one replica at a time
 * (a transaction-scoped advisory lock: the others skip), walks every query's baseline forward over the 5-minute
 * windows that closed since it last looked, in order, zero-count windows included. For each window it scores the
 * count against the exponentially weighted mean and deviation of the windows before it, then folds the window into
 * them (so a level that lasts becomes the new normal). A window is a spike when its count reaches {@code min-count}
 * and its score {@code threshold}; its {@code spike} row and {@code MentionSpikeDetected} are written in the same
 * transaction as the baseline's advance, once per (query, window) whatever runs again.
 */
@ApplicationScoped
public class SpikeDetector {

    private static final Logger LOG = Logger.getLogger(SpikeDetector.class);
    private static final int LOCK_CLASS = 724011;
    private static final int LOCK_ID = 11;

    private static final String NEW_BASELINES = """
            INSERT INTO spike_baseline (query_id, next_window, mean, variance, windows)
            SELECT c.query_id, min(c.window_start), 0, 0, 0 FROM query_window_count c
            WHERE NOT EXISTS (SELECT 1 FROM spike_baseline b WHERE b.query_id = c.query_id)
            GROUP BY c.query_id""";
    private static final String DUE = """
            SELECT query_id, next_window, mean, variance, windows FROM spike_baseline WHERE next_window < ?
            ORDER BY query_id""";
    private static final String COUNTS = """
            SELECT window_start, count FROM query_window_count
            WHERE query_id = ? AND window_start >= ? AND window_start < ?""";
    private static final String ADVANCE = """
            UPDATE spike_baseline SET next_window = ?, mean = ?, variance = ?, windows = ? WHERE query_id = ?""";
    private static final String QUERY_NAME = "SELECT name FROM tracked_query WHERE id = ?";
    private static final String TOP_THEMES = """
            SELECT m.theme_id, t.label, count(*) FROM mention m JOIN theme t ON t.id = m.theme_id
            WHERE m.received_at >= ? AND m.received_at < ? AND m.matched_queries @> ARRAY[?::uuid]
            GROUP BY m.theme_id, t.label HAVING count(*) > 1 ORDER BY count(*) DESC, m.theme_id LIMIT ?""";
    private static final String SAMPLES = """
            SELECT id, network, text, url FROM mention
            WHERE received_at >= ? AND received_at < ? AND matched_queries @> ARRAY[?::uuid] AND NOT hidden
            ORDER BY CASE priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END,
                     received_at DESC, id
            LIMIT ?""";
    private static final String INSERT_SPIKE = """
            INSERT INTO spike (id, query_id, query_name, window_start, window_end, count, baseline_mean,
                               baseline_deviation, score, top_themes, samples, detected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
            ON CONFLICT (query_id, window_start) DO NOTHING""";
    private static final int SAMPLE_TEXT = 280;

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;
    private final SpikeConfig config;
    private final ObjectMapper json;

    public SpikeDetector(DataSource dataSource, Outbox outbox, Clock clock, SpikeConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.json = json;
    }

    /** What a window scored, before it was folded into the baseline. */
    public record Score(double mean, double deviation, double score) {
    }

    /** A query's exponentially weighted baseline (West's incremental mean and variance). */
    public record Baseline(double mean, double variance, long windows) {

        public Score score(long count, double minDeviation) {
            double deviation = Math.sqrt(variance);
            return new Score(mean, deviation, (count - mean) / Math.max(deviation, minDeviation));
        }

        public Baseline next(long count, double alpha) {
            double diff = count - mean;
            double increment = alpha * diff;
            return new Baseline(mean + increment, (1 - alpha) * (variance + diff * increment), windows + 1);
        }
    }

    @Scheduled(every = "${clearpost.monitoring.spikes.interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            detect();
        } catch (RuntimeException e) {
            // The next run starts from the same baselines: nothing is skipped by a failed one.
            LOG.warnf("Spike detection failed, tried again at the next run: %s", e.toString());
        }
    }

    /** Looks at every window closed by now; returns the spikes found (none if another replica holds the lock). */
    @Transactional
    public List<MentionSpikeDetected> detect() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant closedBefore = WindowCounts.windowStart(now.minus(config.grace()));
        List<MentionSpikeDetected> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection)) {
                return found;
            }
            try (PreparedStatement insert = connection.prepareStatement(NEW_BASELINES)) {
                insert.executeUpdate();
            }
            record Due(UUID query, Instant next, Baseline baseline) {
            }
            List<Due> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DUE)) {
                select.setTimestamp(1, Timestamp.from(closedBefore));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Due(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant(),
                                new Baseline(rows.getDouble(3), rows.getDouble(4), rows.getLong(5))));
                    }
                }
            }
            for (Due d : due) {
                Instant from = d.next();
                Instant earliest = WindowCounts.windowStart(closedBefore.minus(config.maxCatchUp()));
                if (from.isBefore(earliest)) {
                    LOG.warnf("Spike baseline of query %s was %s behind: windows before %s are skipped", d.query(),
                            java.time.Duration.between(from, closedBefore), earliest);
                    from = earliest;
                }
                Map<Instant, Long> counts = counts(connection, d.query(), from, closedBefore);
                Baseline baseline = d.baseline();
                for (Instant window = from; window.isBefore(closedBefore); window = window.plus(WindowCounts.WINDOW)) {
                    long count = counts.getOrDefault(window, 0L);
                    Score score = baseline.score(count, config.minDeviation());
                    if (baseline.windows() >= config.warmUpWindows() && count >= config.minCount()
                            && score.score() >= config.threshold()) {
                        MentionSpikeDetected spike = spike(connection, d.query(), window, count, score, now);
                        if (spike != null) {
                            found.add(spike);
                        }
                    }
                    baseline = baseline.next(count, config.alpha());
                }
                try (PreparedStatement update = connection.prepareStatement(ADVANCE)) {
                    update.setTimestamp(1, Timestamp.from(closedBefore));
                    update.setDouble(2, baseline.mean());
                    update.setDouble(3, baseline.variance());
                    update.setLong(4, baseline.windows());
                    update.setObject(5, d.query());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot detect spikes", e);
        }
        return found;
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, LOCK_ID);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static Map<Instant, Long> counts(Connection connection, UUID query, Instant from, Instant to)
            throws SQLException {
        Map<Instant, Long> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(COUNTS)) {
            select.setObject(1, query);
            select.setTimestamp(2, Timestamp.from(from));
            select.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getTimestamp(1).toInstant(), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The spike's row and event, or null when this (query, window) already has one. */
    private MentionSpikeDetected spike(Connection connection, UUID query, Instant windowStart, long count, Score score,
            Instant now) throws SQLException {
        Instant windowEnd = windowStart.plus(WindowCounts.WINDOW);
        String name = queryName(connection, query);
        List<MentionSpikeDetected.ThemeCount> themes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(TOP_THEMES)) {
            window(select, windowStart, windowEnd, query);
            select.setInt(4, config.topThemes());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    themes.add(new MentionSpikeDetected.ThemeCount(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getLong(3)));
                }
            }
        }
        List<MentionSpikeDetected.Sample> samples = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SAMPLES)) {
            window(select, windowStart, windowEnd, query);
            select.setInt(4, config.samples());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(3);
                    if (text.codePointCount(0, text.length()) > SAMPLE_TEXT) {
                        text = text.substring(0, text.offsetByCodePoints(0, SAMPLE_TEXT - 1)) + "…";
                    }
                    samples.add(new MentionSpikeDetected.Sample(rows.getObject(1, UUID.class),
                            Network.valueOf(rows.getString(2)), text, rows.getString(4)));
                }
            }
        }
        MentionSpikeDetected event = new MentionSpikeDetected(UUID.randomUUID(), query, name, windowStart, windowEnd,
                count, score.mean(), score.deviation(), score.score(), themes, samples, now);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SPIKE)) {
            insert.setObject(1, event.spikeId());
            insert.setObject(2, query);
            insert.setString(3, name);
            insert.setTimestamp(4, Timestamp.from(windowStart));
            insert.setTimestamp(5, Timestamp.from(windowEnd));
            insert.setLong(6, count);
            insert.setDouble(7, score.mean());
            insert.setDouble(8, score.deviation());
            insert.setDouble(9, score.score());
            insert.setString(10, json.writeValueAsString(themes));
            insert.setString(11, json.writeValueAsString(samples));
            insert.setTimestamp(12, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return null;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the spike's themes and samples", e);
        }
        outbox.append(event);
        LOG.infof("Spike of query %s (%s) in %s-%s: %d mentions, %.1f deviations above %.1f", query, name,
                windowStart, windowEnd, count, score.score(), score.mean());
        return event;
    }

    private static void window(PreparedStatement select, Instant start, Instant end, UUID query) throws SQLException {
        select.setTimestamp(1, Timestamp.from(start));
        select.setTimestamp(2, Timestamp.from(end));
        select.setObject(3, query);
    }

    private static String queryName(Connection connection, UUID query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(QUERY_NAME)) {
            select.setObject(1, query);
            try (ResultSet row = select.executeQuery()) {
                // A query deleted from under its counts still gets its spike reported, by id.
                return row.next() ? row.getString(1) : query.toString();
            }
        }
    }
}
