package org.clearpost.monitoring.reply;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;

/** The reply table, and the mention columns replies read and set, over plain JDBC in the caller's transaction. */
@ApplicationScoped
public class ReplyStore {

    private static final String REPLY_COLUMNS = """
            id, mention_id, mention_ids, theme_id, network, account, text, requested_by, requested_at, state,
            version, decided_by, detail, external_id, url, updated_at""";
    private static final String INSERT = "INSERT INTO reply (" + REPLY_COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String FIND = "SELECT " + REPLY_COLUMNS + " FROM reply WHERE id = ?";
    private static final String LOCK = "SELECT " + REPLY_COLUMNS + " FROM reply WHERE id = ? FOR UPDATE";
    private static final String FOR_MENTION = "SELECT " + REPLY_COLUMNS
            + " FROM reply WHERE mention_ids @> ARRAY[?::uuid] ORDER BY requested_at DESC, id";
    private static final String ADVANCE = """
            UPDATE reply SET state = ?, version = ?, decided_by = ?, detail = ?,
                             external_id = COALESCE(?, external_id), url = COALESCE(?, url), updated_at = ?
            WHERE id = ?""";
    private static final String MENTION_COLUMNS = """
            id, network, external_id, account, author_id, url, status, theme_id, received_at, due_at, answered_at,
            reply_id""";
    private static final String LOCK_MENTION = "SELECT " + MENTION_COLUMNS + " FROM mention WHERE id = ? FOR UPDATE";
    // Hidden mentions (spam, abuse) are kept but never answered with the rest of their theme.
    private static final String LOCK_OPEN_OF_THEME = "SELECT " + MENTION_COLUMNS + """
             FROM mention WHERE theme_id = ? AND status IN ('NEW', 'ASSIGNED') AND NOT hidden
            ORDER BY id FOR UPDATE""";
    private static final String THEME_KNOWN = "SELECT 1 FROM mention WHERE theme_id = ? LIMIT 1";
    private static final String LOCK_ANSWERING = "SELECT " + MENTION_COLUMNS
            + " FROM mention WHERE reply_id = ? AND status = ANY(?) ORDER BY id FOR UPDATE";
    private static final String LINK = "UPDATE mention SET reply_id = ? WHERE id = ANY(?)";
    private static final String ANSWERED = """
            UPDATE mention SET answered_at = COALESCE(answered_at, ?) WHERE id = ANY(?)""";

    /** A mention as replies see it. */
    public record MentionRow(UUID id, Network network, String externalId, String account, String authorId,
            String url, MentionState status, UUID themeId, Instant receivedAt, Instant dueAt, Instant answeredAt,
            UUID replyId) {
    }

    private final DataSource dataSource;

    public ReplyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Reply reply) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, reply.id());
            insert.setObject(2, reply.mentionId());
            insert.setArray(3, uuids(connection, reply.mentionIds()));
            insert.setObject(4, reply.themeId());
            insert.setString(5, reply.network().name());
            insert.setString(6, reply.account());
            insert.setString(7, reply.text());
            insert.setString(8, reply.requestedBy());
            insert.setTimestamp(9, Timestamp.from(reply.requestedAt()));
            insert.setString(10, reply.state().name());
            insert.setInt(11, reply.version());
            insert.setString(12, reply.decidedBy());
            insert.setString(13, reply.detail());
            insert.setString(14, reply.externalId());
            insert.setString(15, reply.url());
            insert.setTimestamp(16, Timestamp.from(reply.updatedAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot store reply " + reply.id(), e);
        }
    }

    @Transactional
    public Optional<Reply> find(UUID id) {
        List<Reply> found = replies(FIND, id);
        return found.stream().findFirst();
    }

    /** The reply, locked until the caller's transaction ends, so events about its post apply one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reply> lock(UUID id) {
        return replies(LOCK, id).stream().findFirst();
    }

    /** Every reply that answers the mention, newest first. */
    @Transactional
    public List<Reply> forMention(UUID mentionId) {
        return replies(FOR_MENTION, mentionId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID id, ReplyState state, int version, String decidedBy, String detail, String externalId,
            String url, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(ADVANCE)) {
            update.setString(1, state.name());
            update.setInt(2, version);
            update.setString(3, decidedBy);
            update.setString(4, detail);
            update.setString(5, externalId);
            update.setString(6, url);
            update.setTimestamp(7, Timestamp.from(now));
            update.setObject(8, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot update reply " + id, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<MentionRow> lockMention(UUID id) {
        return mentions(LOCK_MENTION, statement -> statement.setObject(1, id)).stream().findFirst();
    }

    /** The theme's mentions still waiting for an answer, oldest first, locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MentionRow> lockOpenOfTheme(UUID themeId) {
        // Locked in id order, as the inbox's bulk actions lock, so the two never deadlock; oldest first for the caller.
        return mentions(LOCK_OPEN_OF_THEME, statement -> statement.setObject(1, themeId)).stream()
                .sorted(Comparator.comparing(MentionRow::receivedAt).thenComparing(MentionRow::id)).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean themeKnown(UUID themeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(THEME_KNOWN)) {
            select.setObject(1, themeId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read theme " + themeId, e);
        }
    }

    /**
     * The mentions this reply still answers and that are in one of {@code states}, locked: a mention answered by a
     * later reply meanwhile (its {@code reply_id} moved on) is no longer this reply's to change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MentionRow> lockAnswering(UUID replyId, List<MentionState> states) {
        return mentions(LOCK_ANSWERING, statement -> {
            statement.setObject(1, replyId);
            statement.setArray(2, statement.getConnection().createArrayOf("text",
                    states.stream().map(Enum::name).toArray()));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(List<UUID> mentionIds, UUID replyId) {
        update(LINK, mentionIds, statement -> statement.setObject(1, replyId));
    }

    /** Sets the time of the first answer; a mention answered before keeps its first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(List<UUID> mentionIds, Instant at) {
        update(ANSWERED, mentionIds, statement -> statement.setTimestamp(1, Timestamp.from(at)));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, List<UUID> mentionIds, Binder first) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            first.bind(update);
            update.setArray(2, uuids(connection, mentionIds));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot update mentions " + mentionIds, e);
        }
    }

    private List<MentionRow> mentions(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            List<MentionRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new MentionRow(row.getObject(1, UUID.class), Network.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                            MentionState.valueOf(row.getString(7)), row.getObject(8, UUID.class),
                            instant(row.getTimestamp(9)), instant(row.getTimestamp(10)),
                            instant(row.getTimestamp(11)), row.getObject(12, UUID.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read mentions", e);
        }
    }

    private List<Reply> replies(String sql, UUID parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<Reply> replies = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    replies.add(reply(row));
                }
            }
            return replies;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read replies", e);
        }
    }

    private static Reply reply(ResultSet row) throws SQLException {
        Array ids = row.getArray(3);
        return new Reply(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                Arrays.asList((UUID[]) ids.getArray()), row.getObject(4, UUID.class),
                Network.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                instant(row.getTimestamp(9)), ReplyState.valueOf(row.getString(10)), row.getInt(11),
                row.getString(12), row.getString(13), row.getString(14), row.getString(15),
                instant(row.getTimestamp(16)));
    }

    private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
