package org.clearpost.clearance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.clearpost.events.EventJson;

/**
 * The append-only, hash-chained audit log (policy 5.1). Entries are written in the caller's transaction, so an entry
 * exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditLog {

    /** Advisory lock key ("auditlog" in ASCII) that makes appends one at a time, so the chain stays linear. */
    private static final long APPEND_LOCK = 0x61756469746C6F67L;
    private static final String COLUMNS =
            "seq, id, occurred_at, actor, action, post_id, version, details::text, prev_hash, hash";
    /*
     * The details go through jsonb and back before hashing: the hash is then computed over exactly what the table
     * holds (jsonb may rewrite numbers, drop duplicate keys), and verification recomputes the same bytes.
     */
    private static final String NEXT_LINK = """
            SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
                   nextval(pg_get_serial_sequence('audit_log', 'seq')),
                   ?::jsonb::text""";
    private static final String INSERT = """
            INSERT INTO audit_log (seq, id, occurred_at, actor, action, post_id, version, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Appends an entry to the chain. {@code details} is anything that serialises to a JSON object in the events' JSON
     * form (an event record, a Map); {@code postId} and {@code version} are null for entries about no post.
     * Holds a transaction-scoped lock until the caller commits, so call it last in the use case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String actor, AuditAction action, UUID postId, Integer version, Object details) {
        JsonNode detailsJson = EventJson.mapper().valueToTree(details);
        if (detailsJson == null || !detailsJson.isObject()) {
            throw new IllegalArgumentException("Audit details must be a JSON object, not " + detailsJson);
        }
        // Within a JTA transaction Agroal hands out the transaction's own connection, the one Hibernate uses.
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            // A statement of its own after the lock: under READ COMMITTED it sees what the previous holder committed.
            String prevHash;
            long seq;
            JsonNode storedDetails;
            try (PreparedStatement next = connection.prepareStatement(NEXT_LINK)) {
                next.setString(1, detailsJson.toString());
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    prevHash = row.getString(1) == null ? AuditHash.GENESIS : row.getString(1);
                    seq = row.getLong(2);
                    storedDetails = EventJson.mapper().readTree(row.getString(3));
                }
            }
            // PostgreSQL keeps microseconds; the hash must cover the instant as it will be read back.
            Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            String hash = AuditHash.of(seq, id, occurredAt, actor, action.name(), postId, version, storedDetails,
                    prevHash);
            AuditEntry entry = new AuditEntry(seq, id, occurredAt, actor, action.name(), postId, version,
                    storedDetails, prevHash, hash);
            insert(connection, entry);
            return entry;
        } catch (SQLException e) {
            // A persistence failure of the decision's transaction: a database outage is answered 503, not 500.
            throw new PersistenceException("Cannot append " + action + " to the audit log", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot append " + action + " to the audit log", e);
        }
    }

    /**
     * Hands every entry in chain order to {@code visitor} until it returns false. Read with a cursor, so a long log is
     * never held in memory at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void walk(Predicate<AuditEntry> visitor) {
        query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", List.of(), visitor);
    }

    @Transactional
    public List<AuditEntry> entriesOfPost(UUID postId) {
        List<AuditEntry> entries = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM audit_log WHERE post_id = ? ORDER BY seq", List.of(postId), entries::add);
        return entries;
    }

    /** Entries with {@code from <= occurredAt < to}, in chain order. */
    @Transactional
    public List<AuditEntry> entriesIn(ExportPeriod period) {
        List<AuditEntry> entries = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq",
                List.of(utc(period.from()), utc(period.to())), entries::add);
        return entries;
    }

    private void query(String sql, List<Object> parameters, Predicate<AuditEntry> visitor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            // PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
            select.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                boolean more = rows.next();
                while (more) {
                    more = visitor.test(entry(rows)) && rows.next();
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException, JsonProcessingException {
        return new AuditEntry(row.getLong(1), row.getObject(2, UUID.class),
                row.getObject(3, OffsetDateTime.class).toInstant(), row.getString(4), row.getString(5),
                row.getObject(6, UUID.class), (Integer) row.getObject(7),
                EventJson.mapper().readTree(row.getString(8)), row.getString(9), row.getString(10));
    }

    private static void insert(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, entry.seq());
            insert.setObject(2, entry.id());
            insert.setObject(3, utc(entry.occurredAt()));
            insert.setString(4, entry.actor());
            insert.setString(5, entry.action());
            insert.setObject(6, entry.postId());
            insert.setObject(7, entry.version(), Types.INTEGER);
            insert.setString(8, entry.details().toString());
            insert.setString(9, entry.prevHash());
            insert.setString(10, entry.hash());
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
