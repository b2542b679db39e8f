package org.clearpost.monitoring.sla;

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
import org.clearpost.events.MentionOverdue;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.support.outbox.Outbox;

/**
 * Marks open mentions past their due time as overdue, each exactly once: the mark ({@code overdue_at}) and its
 * {@code MentionOverdue} are one transaction, and a marked mention is never selected again.
 */
@ApplicationScoped
public class OverdueMentions {

    /*
     * SKIP LOCKED: replicas sweeping at the same moment take disjoint rows instead of queueing behind each other, and
     * a mention a monitor is moving right now (MentionStates locks it) is left to the next sweep, which sees its new
     * state. The literal states and conditions repeat V13's partial index predicate so the planner can use it. Hidden
     * mentions (spam, abuse) get no alert: nobody is expected to answer them.
     */
    private static final String MARK = """
            WITH late AS (
                SELECT id FROM mention
                WHERE due_at IS NOT NULL AND overdue_at IS NULL AND status IN ('NEW', 'ASSIGNED') AND NOT hidden
                  AND due_at < ?
                ORDER BY due_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE mention m SET overdue_at = ?
            FROM late WHERE m.id = late.id
            RETURNING m.id, m.network, m.priority, m.status, m.assignee, m.due_at""";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    public OverdueMentions(DataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Marks up to {@code batch} open mentions whose due time has passed and sends a {@code MentionOverdue} for each.
     *
     * @return the events sent; fewer than {@code batch} means no more were waiting (or the rest are being marked by
     *         another replica)
     */
    @Transactional
    public List<MentionOverdue> markOverdue(int batch) {
        // Microseconds, as PostgreSQL keeps them: the event and the row carry the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<MentionOverdue> marked = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(MARK)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setInt(2, batch);
            update.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    marked.add(new MentionOverdue(row.getObject(1, UUID.class), Network.valueOf(row.getString(2)),
                            MentionPriority.valueOf(row.getString(3)), MentionState.valueOf(row.getString(4)),
                            row.getString(5), row.getTimestamp(6).toInstant(), now));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot mark overdue mentions", e);
        }
        marked.forEach(outbox::append);
        return marked;
    }
}
