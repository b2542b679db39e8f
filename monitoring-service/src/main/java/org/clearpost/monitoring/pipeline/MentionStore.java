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
import java.util.Set;
import javax.sql.DataSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.clearpost.events.EventJson;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.monitoring.spike.SpikeCounter;
import org.clearpost.monitoring.theme.ThemeAssigner;
import org.clearpost.monitoring.theme.ThemeInput;
import org.clearpost.monitoring.theme.ThemeMembership;
import org.clearpost.monitoring.triage.Triage;
import org.clearpost.monitoring.triage.TriageOutcome;

/**
 * Stores one poll's mentions set-based, in one PostgreSQL transaction: repeats and edits (any of a mention's ids
 * already seen, in the table or earlier in the batch) land on the existing mention; the rest go in with one
 * multi-row {@code INSERT ... SELECT FROM unnest(...)}, already triaged: they are put in themes and triaged
 * ({@link Triage#complete}) first, so the insert writes each row once, complete (an {@code UPDATE} after it wrote
 * every row twice and, as {@code status} is indexed, every index entry twice); the theme assigner therefore sees
 * them before their rows exist ({@code mention.theme_id} is written by this insert). Then they are counted per
 * tracked query and window. Only new mentions reach themes, counts and triage, so a replayed batch
 * (whose mentions are all known) changes nothing. The caller announces what the batch's raw offsets stored: the new
 * mentions as built here, and, read back, those an earlier attempt of the same records stored (after a crash between
 * the database commit and the Kafka commit), with the triage stored for them.
 */
@ApplicationScoped
public class MentionStore {

    private static final String SEEN = """
            SELECT s.network, s.seen_id, s.mention_id FROM mention_seen_id s
            JOIN unnest(?::text[], ?::text[]) AS wanted(network, seen_id)
              ON s.network = wanted.network AND s.seen_id = wanted.seen_id""";

    private static final String INSERT = """
            INSERT INTO mention (id, network, external_id, account, author_id, author_handle, author_name, text, url,
                                 lang, mentioned_at, delivered_at, received_at, own_account, matched_queries,
                                 raw_partition, raw_offset,
                                 sentiment_score, sentiment_label, sentiment_drivers, reasons, no_response_reason,
                                 theme_id, priority, author_lists, possible_foi, foi_due_at, hidden, hidden_reasons,
                                 due_at, status, triaged_at)
            SELECT id, network, external_id, account, author_id, author_handle, author_name, text, url, lang,
                   mentioned_at::timestamptz, delivered_at::timestamptz, ?::timestamptz, own_account,
                   matched_queries::uuid[], raw_partition, raw_offset,
                   sentiment_score, sentiment_label, sentiment_drivers::jsonb, reasons::jsonb, no_response_reason,
                   theme_id, priority, author_lists::text[], possible_foi, foi_due_at::timestamptz, hidden,
                   hidden_reasons::text[], due_at::timestamptz, status, ?::timestamptz
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::int[], ?::bigint[],
                        ?::real[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                        ?::boolean[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[])
              AS m(id, network, external_id, account, author_id, author_handle, author_name, text, url, lang,
                   mentioned_at, delivered_at, own_account, matched_queries, raw_partition, raw_offset,
                   sentiment_score, sentiment_label, sentiment_drivers, reasons, no_response_reason, theme_id,
                   priority, author_lists, possible_foi, foi_due_at, hidden, hidden_reasons, due_at, status)
            ON CONFLICT (network, external_id) DO NOTHING
            RETURNING id""";

    private static final String INSERT_SEEN = """
            INSERT INTO mention_seen_id (network, seen_id, mention_id)
            SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[])
            ON CONFLICT DO NOTHING""";

    private static final String STORED_BY = """
            SELECT id, network, external_id, account, author_id, author_name, text, url, mentioned_at, received_at,
                   matched_queries, own_account, delivered_at,
                   sentiment_score, sentiment_label, sentiment_drivers::text, reasons::text, no_response_reason,
                   theme_id, priority, author_lists, possible_foi, foi_due_at, hidden, hidden_reasons, due_at, status,
                   triaged_at
            FROM mention WHERE raw_partition = ? AND raw_offset BETWEEN ? AND ? AND id <> ALL (?::uuid[])
            ORDER BY raw_offset, id""";

    private static final TypeReference<List<MentionTriaged.Driver>> DRIVERS = new TypeReference<>() {
    };
    private static final TypeReference<List<MentionTriaged.Reason>> REASONS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ThemeAssigner themes;
    private final SpikeCounter counts;
    private final Triage triage;

    public MentionStore(DataSource dataSource, ThemeAssigner themes, SpikeCounter counts, Triage triage) {
        this.dataSource = dataSource;
        this.themes = themes;
        this.counts = counts;
        this.triage = triage;
    }

    /**
     * What one batch did: how many mentions it stored now, and every mention its offsets stored (to announce), with
     * its triage ({@code triaged}: one per mention that has been triaged, i.e. all but those stored before issue 11).
     */
    public record Result(int stored, List<MentionReceived> toAnnounce, List<MentionTriaged> triaged) {
    }

    /**
     * @param offsets per raw partition, the first and last offset of the batch (so every row stored by one of its
     *                records, now or by an earlier attempt of the same records, is announced)
     */
    public Result store(List<Candidate> candidates, Map<Integer, long[]> offsets, Instant receivedAt) {
        Instant at = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Stored> inserted = insert(connection, candidates, at);
                List<MentionReceived> announce = new ArrayList<>(inserted.size());
                List<MentionTriaged> triaged = new ArrayList<>(inserted.size());
                UUID[] now = new UUID[inserted.size()];
                for (int i = 0; i < now.length; i++) {
                    Stored row = inserted.get(i);
                    now[i] = row.id();
                    announce.add(row.received(at));
                    triaged.add(row.outcome().event(row.id(), row.candidate().mention().network(), at));
                }
                for (Map.Entry<Integer, long[]> partition : offsets.entrySet()) {
                    storedBy(connection, partition.getKey(), partition.getValue(), now, announce, triaged);
                }
                return new Result(inserted.size(), announce, triaged);
            }
        });
    }

    /** @return the mentions inserted now, in the batch's order */
    private List<Stored> insert(Connection connection, List<Candidate> candidates, Instant receivedAt)
            throws SQLException {
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
        List<Stored> rows = triage(connection, fresh, receivedAt);
        Set<UUID> insertedIds = insertMentions(connection, rows, receivedAt);
        if (insertedIds.size() != rows.size()) {
            // Only this pipeline inserts mentions, and every id it stores is in mention_seen_id: another member stored
            // one of these mentions since the look-up above (the same comment through a webhook and the gap
            // reconciler, on two partitions). Its themes would count it twice: roll back, and the retry finds it.
            throw new StoredConcurrently((rows.size() - insertedIds.size())
                    + " of the batch's new mentions were stored meanwhile by another batch");
        }
        for (Stored row : rows) {
            UUID id = row.id();
            Candidate candidate = row.candidate();
            for (String alias : candidate.ids()) {
                if (!seen.containsKey(key(candidate, alias))) {
                    seenRows.add(new String[] { candidate.mention().network().name(), alias, id.toString() });
                }
            }
        }
        // Ids only later items of the batch carried (an edit behind its original) belong to the mention stored now.
        for (String[] alias : aliasesOfKnown) {
            if (insertedIds.contains(UUID.fromString(alias[2])) && !seen.containsKey(alias[0] + "\u0000" + alias[1])) {
                seenRows.add(alias);
            }
        }
        insertSeen(connection, seenRows);
        counts.count(connection, rows.stream().map(row -> row.candidate().matchedQueries()).toList(), receivedAt);
        return rows;
    }

    /** Another batch stored one of this batch's new mentions first: transient, the batch is tried again. */
    static final class StoredConcurrently extends IllegalStateException {
        StoredConcurrently(String message) {
            super(message);
        }
    }

    /** A new mention of the batch, with its triage, as it is inserted. */
    private record Stored(UUID id, Candidate candidate, TriageOutcome outcome) {

        /** Its MentionReceived: what reading the row back would give (times at PostgreSQL's microseconds). */
        MentionReceived received(Instant receivedAt) {
            var m = candidate.mention();
            return new MentionReceived(id, m.network(), m.externalId(), candidate.account(), m.authorId(),
                    m.authorName(), m.text() == null ? "" : m.text(), m.url(), micros(m.mentionedAt()), receivedAt,
                    candidate.matchedQueries(), candidate.account() != null, micros(m.deliveredAt()));
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A REAL column's value as read back: the float's shortest decimal form, so 0.6249 stays 0.6249. */
    private static double real(double value) {
        return Double.parseDouble(Float.toString((float) value));
    }

    /**
     * Themes and the rest of triage for the batch's new mentions, in the batch's order; the outcome as stored (times
     * at microseconds, the score as a REAL), so the event built from it equals one read back after a replay.
     */
    private List<Stored> triage(Connection connection, Map<UUID, Candidate> fresh, Instant at) throws SQLException {
        List<Stored> rows = new ArrayList<>(fresh.size());
        if (fresh.isEmpty()) {
            return rows;
        }
        List<ThemeInput> inputs = new ArrayList<>(fresh.size());
        for (Map.Entry<UUID, Candidate> entry : fresh.entrySet()) {
            var m = entry.getValue().mention();
            inputs.add(new ThemeInput(entry.getKey(), m.text() == null ? "" : m.text(),
                    entry.getValue().matchedQueries(), micros(m.mentionedAt())));
        }
        List<ThemeMembership> memberships = themes.assign(connection, inputs, at);
        if (memberships.size() != inputs.size()) {
            throw new IllegalStateException("the theme assigner answered " + memberships.size() + " memberships for "
                    + inputs.size() + " mentions");
        }
        int i = 0;
        for (Map.Entry<UUID, Candidate> entry : fresh.entrySet()) {
            ThemeMembership theme = memberships.get(i++);
            TriageOutcome o = triage.complete(entry.getValue().assessment(),
                    theme == null ? ThemeMembership.NONE : theme, at);
            MentionTriaged.Sentiment sentiment = o.sentiment() == null
                    ? new MentionTriaged.Sentiment(0, "NEUTRAL", List.of())
                    : new MentionTriaged.Sentiment(real(o.sentiment().score()), o.sentiment().label(),
                            o.sentiment().drivers());
            TriageOutcome stored = new TriageOutcome(sentiment, o.reasons(), o.noResponseReason(), o.themeId(),
                    o.priority() == null ? MentionPriority.LOW : o.priority(), o.authorLists(), o.possibleFoi(),
                    micros(o.foiDueAt()), o.hidden(), o.hiddenReasons(),
                    o.state() == null ? MentionState.NEW : o.state(), micros(o.dueAt()));
            rows.add(new Stored(entry.getKey(), entry.getValue(), stored));
        }
        return rows;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("triage's records always serialise", e);
        }
    }

    /**
     * A PostgreSQL array literal of {@code values}, each quoted, so one element of a {@code text[]} parameter can
     * carry a whole list through {@code unnest} (which would flatten a two-dimensional array).
     */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
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

    private static Set<UUID> insertMentions(Connection connection, List<Stored> rows, Instant receivedAt)
            throws SQLException {
        Set<UUID> inserted = new java.util.HashSet<>();
        if (rows.isEmpty()) {
            return inserted;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[12][n];
        Boolean[] own = new Boolean[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        Float[] scores = new Float[n];
        String[][] triaged = new String[10][n];
        UUID[] themeIds = new UUID[n];
        Boolean[] foi = new Boolean[n];
        Boolean[] hidden = new Boolean[n];
        StringBuilder queries = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Stored row = rows.get(i);
            Candidate c = row.candidate();
            var m = c.mention();
            ids[i] = row.id();
            text[0][i] = m.network().name();
            text[1][i] = m.externalId();
            text[2][i] = c.account();
            text[3][i] = m.authorId();
            text[4][i] = m.authorHandle();
            text[5][i] = m.authorName();
            text[6][i] = m.text() == null ? "" : m.text();
            text[7][i] = m.url();
            text[8][i] = m.lang();
            // Cut to microseconds here, as the events built in memory are (PostgreSQL would round).
            text[9][i] = micros(m.mentionedAt()).toString();
            text[10][i] = m.deliveredAt() == null ? null : micros(m.deliveredAt()).toString();
            queries.setLength(0);
            queries.append('{');
            for (UUID query : c.matchedQueries()) {
                if (queries.length() > 1) {
                    queries.append(',');
                }
                queries.append(query);
            }
            text[11][i] = queries.append('}').toString();
            own[i] = c.account() != null;
            partitions[i] = c.partition();
            offsets[i] = c.offset();

            TriageOutcome o = row.outcome();
            scores[i] = (float) o.sentiment().score();
            triaged[0][i] = o.sentiment().label();
            triaged[1][i] = json(o.sentiment().drivers());
            triaged[2][i] = json(o.reasons());
            triaged[3][i] = o.noResponseReason();
            themeIds[i] = o.themeId();
            triaged[4][i] = o.priority().name();
            triaged[5][i] = arrayLiteral(o.authorLists());
            foi[i] = o.possibleFoi();
            triaged[6][i] = o.foiDueAt() == null ? null : o.foiDueAt().toString();
            hidden[i] = o.hidden();
            triaged[7][i] = arrayLiteral(o.hiddenReasons());
            triaged[8][i] = o.dueAt() == null ? null : o.dueAt().toString();
            triaged[9][i] = o.state().name();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int p = 1;
            insert.setString(p++, receivedAt.toString());
            insert.setString(p++, receivedAt.toString());
            insert.setArray(p++, connection.createArrayOf("uuid", ids));
            for (int column = 0; column < 11; column++) {
                insert.setArray(p++, connection.createArrayOf("text", text[column]));
            }
            insert.setArray(p++, connection.createArrayOf("boolean", own));
            insert.setArray(p++, connection.createArrayOf("text", text[11]));
            insert.setArray(p++, connection.createArrayOf("int4", partitions));
            insert.setArray(p++, connection.createArrayOf("int8", offsets));
            insert.setArray(p++, connection.createArrayOf("float4", scores));
            for (int column = 0; column < 4; column++) {
                insert.setArray(p++, connection.createArrayOf("text", triaged[column]));
            }
            insert.setArray(p++, connection.createArrayOf("uuid", themeIds));
            insert.setArray(p++, connection.createArrayOf("text", triaged[4]));
            insert.setArray(p++, connection.createArrayOf("text", triaged[5]));
            insert.setArray(p++, connection.createArrayOf("boolean", foi));
            insert.setArray(p++, connection.createArrayOf("text", triaged[6]));
            insert.setArray(p++, connection.createArrayOf("boolean", hidden));
            for (int column = 7; column < 10; column++) {
                insert.setArray(p++, connection.createArrayOf("text", triaged[column]));
            }
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
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

    /** Adds the mentions an earlier attempt of the batch's records stored (those not inserted {@code now}). */
    private static void storedBy(Connection connection, int partition, long[] range, UUID[] now,
            List<MentionReceived> received, List<MentionTriaged> triaged) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(STORED_BY)) {
            select.setInt(1, partition);
            select.setLong(2, range[0]);
            select.setLong(3, range[1]);
            select.setArray(4, connection.createArrayOf("uuid", now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Array matched = rows.getArray(11);
                    List<UUID> queries = matched == null ? List.of()
                            : Arrays.stream((Object[]) matched.getArray()).map(UUID.class::cast).toList();
                    UUID id = rows.getObject(1, UUID.class);
                    Network network = Network.valueOf(rows.getString(2));
                    received.add(new MentionReceived(id, network, rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            instant(rows, 9), instant(rows, 10), queries, rows.getBoolean(12), instant(rows, 13)));
                    Instant triagedAt = instant(rows, 28);
                    if (triagedAt != null) {
                        triaged.add(triaged(rows, id, network, triagedAt));
                    }
                }
            }
        }
    }

    /** The MentionTriaged of a stored row: the same event on every replay. */
    private static MentionTriaged triaged(ResultSet rows, UUID id, Network network, Instant triagedAt)
            throws SQLException {
        float score = rows.getFloat(14);
        MentionTriaged.Sentiment sentiment = new MentionTriaged.Sentiment(rows.wasNull() ? 0 : real(score),
                rows.getString(15), read(rows.getString(16), DRIVERS));
        return new MentionTriaged(id, network, sentiment, read(rows.getString(17), REASONS), rows.getString(18),
                rows.getObject(19, UUID.class), MentionPriority.valueOf(rows.getString(20)), strings(rows, 21),
                rows.getBoolean(22), instant(rows, 23), rows.getBoolean(24), strings(rows, 25),
                MentionState.valueOf(rows.getString(27)), instant(rows, 26), triagedAt);
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored triage column is not the JSON the pipeline wrote", e);
        }
    }

    private static List<String> strings(ResultSet rows, int column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        java.sql.Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
