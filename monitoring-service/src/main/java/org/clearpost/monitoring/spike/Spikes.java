package org.clearpost.monitoring.spike;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.MentionSpikeAcknowledged;
import org.clearpost.events.MentionSpikeDetected;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/** The spikes found, newest first, and their acknowledgement by a lead (sent as MentionSpikeAcknowledged). */
@ApplicationScoped
public class Spikes {

    private static final String COLUMNS = """
            SELECT id, query_id, query_name, window_start, window_end, count, baseline_mean, baseline_deviation, score,
                   top_themes, samples, detected_at, acknowledged_by, acknowledged_at, acknowledgement FROM spike""";
    private static final String LIST = COLUMNS + """
             WHERE (?::boolean IS NULL OR (acknowledged_at IS NOT NULL) = ?::boolean)
               AND (?::uuid IS NULL OR query_id = ?::uuid)
            ORDER BY detected_at DESC, window_start DESC, id LIMIT ? OFFSET ?""";
    private static final String ONE = COLUMNS + " WHERE id = ?";
    private static final String ACKNOWLEDGE = """
            UPDATE spike SET acknowledged_by = ?, acknowledged_at = ?, acknowledgement = ?
            WHERE id = ? AND acknowledged_at IS NULL""";

    private static final TypeReference<List<MentionSpikeDetected.ThemeCount>> THEMES = new TypeReference<>() {
    };
    private static final TypeReference<List<MentionSpikeDetected.Sample>> SAMPLES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final Clock clock;
    private final ObjectMapper json;
    private final Outbox outbox;

    public Spikes(DataSource dataSource, Clock clock, ObjectMapper json, Outbox outbox) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.clock = clock;
        this.json = json;
    }

    /** @param acknowledged null for all */
    @Transactional
    public List<SpikeView> list(Boolean acknowledged, UUID queryId, int page, int size) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LIST)) {
            select.setObject(1, acknowledged, java.sql.Types.BOOLEAN);
            select.setObject(2, acknowledged, java.sql.Types.BOOLEAN);
            select.setObject(3, queryId);
            select.setObject(4, queryId);
            select.setInt(5, size);
            select.setLong(6, (long) page * size);
            List<SpikeView> spikes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    spikes.add(view(rows));
                }
            }
            return spikes;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot list spikes", e);
        }
    }

    @Transactional
    public SpikeView find(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read spike " + id, e);
        }
    }

    /** 409 naming who acknowledged it if someone already has: the first word on a spike stays on the record. */
    @Transactional
    public SpikeView acknowledge(UUID id, String by, String note) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(ACKNOWLEDGE)) {
                update.setString(1, by);
                update.setTimestamp(2, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
                update.setString(3, note == null || note.isBlank() ? null : note.strip());
                update.setObject(4, id);
                if (update.executeUpdate() == 0) {
                    SpikeView spike = find(connection, id);
                    throw ProblemException.conflict("Spike already acknowledged", "Spike " + id
                            + " was acknowledged by " + spike.acknowledgedBy() + " at " + spike.acknowledgedAt());
                }
            }
            SpikeView spike = find(connection, id);
            outbox.append(new MentionSpikeAcknowledged(spike.id(), spike.queryId(), spike.acknowledgedBy(),
                    spike.acknowledgement(), spike.acknowledgedAt()));
            return spike;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot acknowledge spike " + id, e);
        }
    }

    private SpikeView find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ONE)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("Spike", id);
                }
                return view(rows);
            }
        }
    }

    private SpikeView view(ResultSet rows) throws SQLException {
        try {
            return new SpikeView(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                    instant(rows, 4), instant(rows, 5), rows.getLong(6), rows.getDouble(7), rows.getDouble(8),
                    rows.getDouble(9), json.readValue(rows.getString(10), THEMES),
                    json.readValue(rows.getString(11), SAMPLES), instant(rows, 12), rows.getString(13),
                    instant(rows, 14), rows.getString(15));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored spike cannot be read", e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
