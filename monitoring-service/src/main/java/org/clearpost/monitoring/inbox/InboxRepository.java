package org.clearpost.monitoring.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;

/**
 * The inbox's SQL over the {@code mention} table (written by the pipeline, worked here), {@code mention_note} and
 * {@code mention_action}. Every method runs in the caller's transaction; writes expect the row locked by
 * {@link #lock}.
 */
@ApplicationScoped
public class InboxRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = """
            id, network, external_id, account, author_id, author_name, author_handle, text, url, lang, mentioned_at,
            received_at, delivered_at, status, state_reason, own_account, matched_queries, sentiment_score,
            sentiment_label, sentiment_drivers::text, reasons::text, no_response_reason, theme_id, priority,
            author_lists, possible_foi, foi_due_at, hidden, hidden_reasons, due_at, overdue_at, triaged_at, assignee,
            labels, claim_holder, claim_expires_at, reply_id, answered_at""";
    /**
     * Open and past due (or marked overdue by the SLA sweep); the one parameter is now. Never NULL (no due time is
     * not overdue), so that NOT of it is the rest.
     */
    private static final String OVERDUE = """
            (status IN ('NEW', 'ASSIGNED') AND (overdue_at IS NOT NULL OR coalesce(due_at < ?, FALSE)))""";
    private static final String LOCK = """
            SELECT id, status, assignee, labels, claim_holder, claim_expires_at, priority, hidden, hidden_reasons,
                   received_at
            FROM mention WHERE id = ANY(?) ORDER BY id FOR UPDATE""";
    private static final String EXPIRED_CLAIMS = """
            SELECT id, status, assignee, labels, claim_holder, claim_expires_at, priority, hidden, hidden_reasons,
                   received_at
            FROM mention WHERE claim_holder IS NOT NULL AND claim_expires_at <= ?
            ORDER BY claim_expires_at LIMIT ? FOR UPDATE SKIP LOCKED""";

    private final DataSource dataSource;

    public InboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A mention's row as an action needs it, locked until the transaction ends.
     *
     * @param claimHolder    as stored, expired or not
     * @param claimExpiresAt as stored
     */
    public record Locked(UUID id, MentionState status, String assignee, List<String> labels, String claimHolder,
            Instant claimExpiresAt, MentionPriority priority, boolean hidden, List<String> hiddenReasons,
            Instant receivedAt) {

        /** The holder of a claim that has not expired at {@code now}, else null. */
        public String liveClaimHolder(Instant now) {
            return claimHolder != null && claimExpiresAt != null && claimExpiresAt.isAfter(now) ? claimHolder : null;
        }
    }

    @Transactional
    public List<InboxMention> list(InboxFilter filter, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM mention WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, "status = ?", filter.state() == null ? null : filter.state().name());
        condition(sql, parameters, "network = ?", filter.network() == null ? null : filter.network().name());
        condition(sql, parameters, "? = ANY(matched_queries)", filter.query());
        condition(sql, parameters, "theme_id = ?", filter.theme());
        condition(sql, parameters, "priority = ?", filter.priority() == null ? null : filter.priority().name());
        condition(sql, parameters, "sentiment_label = ?",
                filter.sentiment() == null ? null : filter.sentiment().name());
        if (InboxFilter.NOBODY.equals(filter.assignee())) {
            sql.append(" AND assignee IS NULL");
        } else {
            condition(sql, parameters, "assignee = ?", filter.assignee());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND " : " AND NOT ").append(OVERDUE);
            parameters.add(Timestamp.from(now));
        }
        condition(sql, parameters, "? = ANY(labels)", filter.label());
        condition(sql, parameters, "possible_foi = ?", filter.possibleFoi());
        if (!filter.includeHidden()) {
            sql.append(" AND NOT hidden");
        }
        sql.append(" ORDER BY ").append(filter.sort().orderBy).append(" LIMIT ? OFFSET ?");
        parameters.add(filter.size());
        parameters.add((long) filter.page() * filter.size());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            return mentions(select, now);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot list the inbox", e);
        }
    }

    @Transactional
    public Optional<InboxMention> find(UUID id, Instant now) {
        List<InboxMention> found = find(List.of(id), now);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The mentions with these ids, by id. */
    @Transactional
    public List<InboxMention> find(List<UUID> ids, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM mention WHERE id = ANY(?) ORDER BY id")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return mentions(select, now);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read mentions", e);
        }
    }

    /** Locks the rows (in id order, so that two bulk actions cannot deadlock); unknown ids are missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Locked> lock(List<UUID> ids) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return locked(select);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot lock mentions", e);
        }
    }

    /** Up to {@code batch} rows whose claim expired by {@code now}, locked; rows another replica holds are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Locked> lockExpiredClaims(Instant now, int batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(EXPIRED_CLAIMS)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, batch);
            return List.copyOf(locked(select).values());
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read expired claims", e);
        }
    }

    /** The ids of a theme's mentions, hidden ones left out: what a bulk action on the theme acts on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> themeMentions(UUID themeId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM mention WHERE theme_id = ? AND NOT hidden ORDER BY id LIMIT ?")) {
            select.setObject(1, themeId);
            select.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the mentions of theme " + themeId, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setAssignee(UUID id, String assignee) {
        update("UPDATE mention SET assignee = ? WHERE id = ?", assignee, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setStateReason(UUID id, String reason) {
        update("UPDATE mention SET state_reason = ? WHERE id = ?", reason, id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setLabels(UUID id, List<String> labels) {
        update("UPDATE mention SET labels = ? WHERE id = ?", new TextArray(labels), id);
    }

    /** Sets or (holder null) clears the claim. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setClaim(UUID id, String holder, Instant expiresAt) {
        update("UPDATE mention SET claim_holder = ?, claim_expires_at = ? WHERE id = ?", holder,
                expiresAt == null ? null : Timestamp.from(expiresAt), id);
    }

    /** The new priority, and the due time it gives ({@code keepDue}: the due time stays as it is). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setPriority(UUID id, MentionPriority priority, boolean keepDue, Instant dueAt) {
        if (keepDue) {
            update("UPDATE mention SET priority = ? WHERE id = ?", priority.name(), id);
        } else {
            update("UPDATE mention SET priority = ?, due_at = ? WHERE id = ?", priority.name(),
                    dueAt == null ? null : Timestamp.from(dueAt), id);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void setHidden(UUID id, boolean hidden, List<String> reasons) {
        update("UPDATE mention SET hidden = ?, hidden_reasons = ? WHERE id = ?", hidden, new TextArray(reasons), id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insertNote(MentionNote note) {
        update("INSERT INTO mention_note (id, mention_id, author, text, at) VALUES (?, ?, ?, ?, ?)", note.id(),
                note.mentionId(), note.author(), note.text(), Timestamp.from(note.at()));
    }

    @Transactional
    public List<MentionNote> notes(UUID mentionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, author, text, at FROM mention_note WHERE mention_id = ? ORDER BY at, id")) {
            select.setObject(1, mentionId);
            List<MentionNote> notes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    notes.add(new MentionNote(row.getObject(1, UUID.class), mentionId, row.getString(2),
                            row.getString(3), row.getTimestamp(4).toInstant()));
                }
            }
            return notes;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the notes of mention " + mentionId, e);
        }
    }

    /** The audit trail in the order it was written. */
    @Transactional
    public List<HistoryEntry> history(UUID mentionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT id, action, actor, state, assignee, detail, at FROM mention_action
                        WHERE mention_id = ? ORDER BY seq""")) {
            select.setObject(1, mentionId);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new HistoryEntry(row.getObject(1, UUID.class), InboxAction.valueOf(row.getString(2)),
                            row.getString(3), MentionState.valueOf(row.getString(4)), row.getString(5),
                            row.getString(6), row.getTimestamp(7).toInstant()));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the history of mention " + mentionId, e);
        }
    }

    /** A text[] parameter (setObject cannot tell a List's SQL type). */
    private record TextArray(List<String> values) {
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof TextArray array) {
                    update.setArray(i + 1, connection.createArrayOf("text", array.values().toArray()));
                } else {
                    update.setObject(i + 1, parameters[i]);
                }
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot update a mention", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    private static Map<UUID, Locked> locked(PreparedStatement select) throws SQLException {
        Map<UUID, Locked> rows = new LinkedHashMap<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                UUID id = row.getObject(1, UUID.class);
                rows.put(id, new Locked(id, MentionState.valueOf(row.getString(2)), row.getString(3),
                        texts(row.getArray(4)), row.getString(5), instant(row.getTimestamp(6)),
                        MentionPriority.valueOf(row.getString(7)), row.getBoolean(8), texts(row.getArray(9)),
                        instant(row.getTimestamp(10))));
            }
        }
        return rows;
    }

    private static List<InboxMention> mentions(PreparedStatement select, Instant now) throws SQLException {
        List<InboxMention> mentions = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                mentions.add(mention(row, now));
            }
        }
        return mentions;
    }

    private static InboxMention mention(ResultSet row, Instant now) throws SQLException {
        MentionState status = MentionState.valueOf(row.getString("status"));
        Instant dueAt = instant(row.getTimestamp("due_at"));
        Instant overdueAt = instant(row.getTimestamp("overdue_at"));
        boolean open = status == MentionState.NEW || status == MentionState.ASSIGNED;
        boolean overdue = open && (overdueAt != null || (dueAt != null && dueAt.isBefore(now)));
        String holder = row.getString("claim_holder");
        Instant expires = instant(row.getTimestamp("claim_expires_at"));
        Claim claim = holder != null && expires != null && expires.isAfter(now) ? new Claim(holder, expires) : null;
        float score = row.getFloat("sentiment_score");
        // REAL: the decimal the float stands for (0.49, not 0.49000000953674316).
        Double sentimentScore = row.wasNull() ? null : Double.valueOf(Float.toString(score));
        Array queries = row.getArray("matched_queries");
        return new InboxMention(row.getObject("id", UUID.class), Network.valueOf(row.getString("network")),
                row.getString("external_id"), row.getString("account"), row.getString("author_id"),
                row.getString("author_name"), row.getString("author_handle"), row.getString("text"),
                row.getString("url"), row.getString("lang"), instant(row.getTimestamp("mentioned_at")),
                instant(row.getTimestamp("received_at")), instant(row.getTimestamp("delivered_at")), status,
                row.getString("state_reason"), row.getBoolean("own_account"),
                queries == null ? List.of() : Arrays.asList((UUID[]) queries.getArray()), sentimentScore,
                row.getString("sentiment_label"), json(row.getString("sentiment_drivers")),
                json(row.getString("reasons")), row.getString("no_response_reason"),
                row.getObject("theme_id", UUID.class), MentionPriority.valueOf(row.getString("priority")),
                texts(row.getArray("author_lists")), row.getBoolean("possible_foi"),
                instant(row.getTimestamp("foi_due_at")), row.getBoolean("hidden"),
                texts(row.getArray("hidden_reasons")), dueAt, overdueAt, overdue,
                instant(row.getTimestamp("triaged_at")), row.getString("assignee"), texts(row.getArray("labels")),
                claim, row.getObject("reply_id", UUID.class), instant(row.getTimestamp("answered_at")));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("A mention holds JSON it cannot read back", e);
        }
    }
}
