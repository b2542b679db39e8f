package org.clearpost.monitoring.inbox;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionActioned;
import org.clearpost.events.MentionState;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/**
 * Moves mentions between inbox states by {@link InboxTransitions}, in the caller's transaction, auditing each move
 * (a {@code mention_action} row and a {@code MentionActioned} event through the outbox). The one way any package
 * (the inbox's own actions, replies, the SLA clock) changes a mention's state.
 */
@ApplicationScoped
public class MentionStates {

    private static final String LOCK = "SELECT id, status, assignee FROM mention WHERE id = ANY(?) ORDER BY id FOR UPDATE";
    private static final String MOVE = "UPDATE mention SET status = ? WHERE id = ?";
    private static final String AUDIT = """
            INSERT INTO mention_action (id, mention_id, action, actor, state, assignee, detail, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Locked, so that nobody claims the mention between the check and the caller's change. */
    private static final String CLAIM = "SELECT claim_holder, claim_expires_at FROM mention WHERE id = ? FOR UPDATE";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    public MentionStates(DataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Moves every mention to {@code to}, all or none: one that cannot make the move is a 409 naming it and its state.
     * A mention already in {@code to} is left as it is (a redelivered event changes nothing).
     *
     * @return the mentions that moved
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> move(List<UUID> mentionIds, MentionState to, InboxAction action, String actor, String detail) {
        // PostgreSQL keeps microseconds: the event carries the instant the audit row shows.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, String[]> current = lock(connection, mentionIds);
            for (UUID id : mentionIds) {
                String[] row = current.get(id);
                if (row == null) {
                    throw ProblemException.notFound("Mention", id);
                }
                MentionState from = MentionState.valueOf(row[0]);
                if (from != to && !InboxTransitions.allowed(from, to)) {
                    throw ProblemException.conflict("Mention cannot move to " + to,
                            "Mention " + id + " is " + from + "; from " + from + " it can move to "
                                    + InboxTransitions.from(from));
                }
            }
            List<UUID> moved = mentionIds.stream().filter(id -> !current.get(id)[0].equals(to.name())).toList();
            try (PreparedStatement update = connection.prepareStatement(MOVE)) {
                for (UUID id : moved) {
                    update.setString(1, to.name());
                    update.setObject(2, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            for (UUID id : moved) {
                audit(connection, new MentionActioned(UUID.randomUUID(), id, action, actor, to, current.get(id)[1],
                        detail, now));
            }
            return moved;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot move mentions to " + to, e);
        }
    }

    /** Records an action that did not change the state (a label, a note, a claim), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(MentionActioned action) {
        try (Connection connection = dataSource.getConnection()) {
            audit(connection, action);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot audit " + action.action(), e);
        }
    }

    /**
     * A 409 naming who holds the mention's claim when someone other than {@code actor} holds it and it has not
     * expired: two monitors never answer the same mention. The row stays locked until the caller's transaction ends,
     * so a claim cannot slip in between this check and the caller's move (lock a theme's mentions in id order, as
     * {@link #move} does, to stay clear of deadlocks).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNoOtherClaim(UUID mentionId, String actor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setObject(1, mentionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Mention", mentionId);
                }
                String holder = row.getString(1);
                Timestamp expires = row.getTimestamp(2);
                if (holder != null && !holder.equals(actor) && expires != null
                        && expires.toInstant().isAfter(clock.instant())) {
                    throw ProblemException.conflict("Mention is claimed",
                            "Mention " + mentionId + " is claimed by " + holder + " until " + expires.toInstant());
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the claim of mention " + mentionId, e);
        }
    }

    private static Map<UUID, String[]> lock(Connection connection, List<UUID> ids) throws SQLException {
        Map<UUID, String[]> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getObject(1, UUID.class), new String[] { row.getString(2), row.getString(3) });
                }
            }
        }
        return rows;
    }

    private void audit(Connection connection, MentionActioned action) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(AUDIT)) {
            insert.setObject(1, action.actionId());
            insert.setObject(2, action.mentionId());
            insert.setString(3, action.action().name());
            insert.setString(4, action.actor());
            insert.setString(5, action.state().name());
            insert.setString(6, action.assignee());
            insert.setString(7, action.detail());
            insert.setTimestamp(8, Timestamp.from(action.at()));
            insert.executeUpdate();
        }
        outbox.append(action);
    }
}
