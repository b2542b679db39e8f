package org.clearpost.monitoring.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.events.MentionState;

/**
 * Stores one poll's mentions set-based, in one PostgreSQL transaction: repeats and edits (any of a mention's ids
 * already seen, in the table or earlier in the batch) land on the existing mention; the rest go in with one
 * multi-row {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING}; then, in the same transaction, it reads
 * back every mention stored by the batch's raw offsets: those the caller announces (again, after a replay).
 */
@ApplicationScoped
public class MentionStore {

    private static final String SEEN = """
            SELECT s.network, s.seen_id, s.mention_id FROM mention_seen_id s
            JOIN unnest(?::text[], ?::text[]) AS wanted(network, seen_id)
              ON s.network = wanted.network AND s.seen_id = wanted.seen_id""";

    private static final String INSERT = """
            INSERT INTO mention (id, network, external_id, account, author_id, author_handle, author_name, text, url,
                                 lang, mentioned_at, delivered_at, received_at, status, own_account, matched_queries,
                                 raw_partition, raw_offset)
            SELECT id, network, external_id, account, author_id, author_handle, author_name, text, url, lang,
                   mentioned_at::timestamptz, delivered_at::timestamptz, ?::timestamptz, ?, own_account,
                   matched_queries::uuid[], raw_partition, raw_offset
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::int[], ?::bigint[])
              AS m(id, network, external_id, account, author_id, author_handle, author_name, text, url, lang,
                   mentioned_at, delivered_at, own_account, matched_queries, raw_partition, raw_offset)
            ON CONFLICT (network, external_id) DO NOTHING
            RETURNING id""";

    private static final String INSERT_SEEN = """
            INSERT INTO mention_seen_id (network, seen_id, mention_id)
            SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[])
            ON CONFLICT DO NOTHING""";

    private static final String STORED_BY = """
            SELECT id, network, external_id, account, author_id, author_name, text, url, mentioned_at, received_at,
                   matched_queries, own_account, delivered_at
            FROM mention WHERE raw_partition = ? AND raw_offset BETWEEN ? AND ?
            ORDER BY raw_offset, id""";

    private final DataSource dataSource;

    public MentionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one batch did: how many mentions it stored now, and every mention its offsets stored (to announce). */
    public record Result(int stored, List<MentionReceived> toAnnounce) {
    }

    /**
     * @param offsets per raw partition, the first and last offset of the batch (so every row stored by one of its
     *                records, now or by an earlier attempt of the same records, is announced)
     */
    public Result store(List<Candidate> candidates, Map<Integer, long[]> offsets, Instant receivedAt) {
        Instant at = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                int stored = insert(connection, candidates, at);
                List<MentionReceived> announce = new ArrayList<>();
                for (Map.Entry<Integer, long[]> partition : offsets.entrySet()) {
                    announce.addAll(storedBy(connection, partition.getKey(), partition.getValue()));
                }
                return new Result(stored, announce);
            }
        });
    }

    private int insert(Connection connection, List<Candidate> candidates, Instant receivedAt) throws SQLException {
        // 1. Within the batch: the first item wins; a later one sharing any id is a repeat or an edit of it.
        Map<String, UUID> batchIds = new HashMap<>();
        Map<UUID, Candidate> fresh = new LinkedHashMap<>();
        List<String[]> aliasesOfKnown = new ArrayList<>(); // network, id, mention id (of a batch-first mention)
        for (Candidate candidate : candidates) {
            UUID known = candidate.ids().stream().map(id -> batchIds.get(key(candidate, id)))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            UUID id = known != null ? known : UUID.randomUUID();
            for (String seen : candidate.ids()) {
                if (batchIds.putIfAbsent(key(candidate, seen), id) == null && known != null) {
                    aliasesOfKnown.add(new String[] { candidate.mention().network().name(), seen, id.toString() });
                }
            }
            if (known == null) {
                fresh.put(id, candidate);
            }
        }
        // 2. Against the table: a mention any of whose ids is known is the known one (a repeat, or an X edit).
        Map<String, UUID> seen = seen(connection, batchIds.keySet());
        List<String[]> seenRows = new ArrayList<>();
        List<UUID> replaced = new ArrayList<>();
        for (Map.Entry<UUID, Candidate> entry : fresh.entrySet()) {
            Candidate candidate = entry.getValue();
            UUID existing = candidate.ids().stream().map(id -> seen.get(key(candidate, id)))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (existing != null) {
                replaced.add(entry.getKey());
                for (String id : candidate.ids()) {
                    if (!seen.containsKey(key(candidate, id))) {
                        seenRows.add(new String[] { candidate.mention().network().name(), id, existing.toString() });
                    }
                }
            }
        }
        replaced.forEach(fresh::remove);
        // 3. The new mentions in one statement; ON CONFLICT covers an id stored by the pre-pipeline path.
        List<UUID> inserted = insertMentions(connection, fresh, receivedAt);
        for (UUID id : inserted) {
            Candidate candidate = fresh.get(id);
            for (String alias : candidate.ids()) {
                if (!seen.containsKey(key(candidate, alias))) {
                    seenRows.add(new String[] { candidate.mention().network().name(), alias, id.toString() });
                }
            }
        }
        // Ids only later items of the batch carried (an edit behind its original) belong to the mention stored now.
        for (String[] alias : aliasesOfKnown) {
            if (inserted.contains(UUID.fromString(alias[2])) && !seen.containsKey(alias[0] + "\u0000" + alias[1])) {
                seenRows.add(alias);
            }
        }
        insertSeen(connection, seenRows);
        return inserted.size();
    }

    private static String key(Candidate candidate, String id) {
        return candidate.mention().network().name() + "\u0000" + id;
    }

    private static Map<String, UUID> seen(Connection connection, java.util.Set<String> keys) throws SQLException {
        Map<String, UUID> seen = new HashMap<>();
        if (keys.isEmpty()) {
            return seen;
        }
        String[] networks = new String[keys.size()];
        String[] ids = new String[keys.size()];
        int i = 0;
        for (String key : keys) {
            int split = key.indexOf('\u0000');
            networks[i] = key.substring(0, split);
            ids[i++] = key.substring(split + 1);
        }
        try (PreparedStatement select = connection.prepareStatement(SEEN)) {
            select.setArray(1, connection.createArrayOf("text", networks));
            select.setArray(2, connection.createArrayOf("text", ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.put(rows.getString(1) + "\u0000" + rows.getString(2), rows.getObject(3, UUID.class));
                }
            }
        }
        return seen;
    }

    private static List<UUID> insertMentions(Connection connection, Map<UUID, Candidate> fresh, Instant receivedAt)
            throws SQLException {
        List<UUID> inserted = new ArrayList<>();
        if (fresh.isEmpty()) {
            return inserted;
        }
        int n = fresh.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[11][n];
        Boolean[] own = new Boolean[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        int i = 0;
        for (Map.Entry<UUID, Candidate> entry : fresh.entrySet()) {
            Candidate c = entry.getValue();
            var m = c.mention();
            ids[i] = entry.getKey();
            text[0][i] = m.network().name();
            text[1][i] = m.externalId();
            text[2][i] = c.account();
            text[3][i] = m.authorId();
            text[4][i] = m.authorHandle();
            text[5][i] = m.authorName();
            text[6][i] = m.text() == null ? "" : m.text();
            text[7][i] = m.url();
            text[8][i] = m.lang();
            text[9][i] = m.mentionedAt().toString();
            text[10][i] = m.deliveredAt() == null ? null : m.deliveredAt().toString();
            own[i] = c.account() != null;
            partitions[i] = c.partition();
            offsets[i] = c.offset();
            i++;
        }
        String[] matched = fresh.values().stream().map(c -> c.matchedQueries().stream().map(UUID::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"))).toArray(String[]::new);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, receivedAt.toString());
            insert.setString(2, MentionState.NEW.name());
            insert.setArray(3, connection.createArrayOf("uuid", ids));
            for (int column = 0; column < 11; column++) {
                insert.setArray(4 + column, connection.createArrayOf("text", text[column]));
            }
            insert.setArray(15, connection.createArrayOf("boolean", own));
            insert.setArray(16, connection.createArrayOf("text", matched));
            insert.setArray(17, connection.createArrayOf("int4", partitions));
            insert.setArray(18, connection.createArrayOf("int8", offsets));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private static void insertSeen(Connection connection, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SEEN)) {
            insert.setArray(1, connection.createArrayOf("text", rows.stream().map(r -> r[0]).toArray()));
            insert.setArray(2, connection.createArrayOf("text", rows.stream().map(r -> r[1]).toArray()));
            insert.setArray(3, connection.createArrayOf("uuid",
                    rows.stream().map(r -> UUID.fromString(r[2])).toArray()));
            insert.executeUpdate();
        }
    }

    private static List<MentionReceived> storedBy(Connection connection, int partition, long[] range)
            throws SQLException {
        List<MentionReceived> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(STORED_BY)) {
            select.setInt(1, partition);
            select.setLong(2, range[0]);
            select.setLong(3, range[1]);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Array matched = rows.getArray(11);
                    List<UUID> queries = matched == null ? List.of()
                            : Arrays.stream((Object[]) matched.getArray()).map(UUID.class::cast).toList();
                    events.add(new MentionReceived(rows.getObject(1, UUID.class), Network.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), instant(rows, 9), instant(rows, 10), queries,
                            rows.getBoolean(12), instant(rows, 13)));
                }
            }
        }
        return events;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        java.sql.Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
