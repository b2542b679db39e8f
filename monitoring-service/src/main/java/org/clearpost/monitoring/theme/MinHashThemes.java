package org.clearpost.monitoring.theme;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Themes of near-duplicate mentions (MinHash over word 2-grams, LSH bands looked up in SQL), assigned inside the
 * pipeline batch's transaction with a fixed number of statements per batch whatever its size:
 * <ol>
 * <li>signatures of the batch's texts (CPU, before any statement);</li>
 * <li>the mentions of the batch that already have a theme (a replay of a batch whose transaction committed) keep it,
 * uncounted;</li>
 * <li>one lookup of every band key of the batch in {@code theme_band}, joined to the themes still open (latest mention
 * within the window), with their signatures;</li>
 * <li>in batch order, each mention joins the most similar candidate whose estimated Jaccard similarity reaches the
 * threshold (themes made earlier in the same batch included), else starts a theme of its own;</li>
 * <li>one insert of the new themes and their band keys, one update of the joined themes' sizes.</li>
 * </ol>
 * A new theme's id is derived from its first mention's id, so a batch retried after a rollback makes the same themes.
 * Two batches running at once on different consumers can each start a theme for the same text (neither sees the
 * other's uncommitted theme): both stay, the later mentions join whichever the lookup finds first.
 */
@ApplicationScoped
public class MinHashThemes implements ThemeAssigner {

    private static final String ALREADY = """
            SELECT m.id, m.theme_id, t.size FROM unnest(?::uuid[]) AS b(id)
            JOIN mention m ON m.id = b.id JOIN theme t ON t.id = m.theme_id""";

    // One row per open theme (its signature read once), with the batch's keys it holds. The keys are joined as a
    // relation, not "= ANY(?)" or "&&": with thousands of keys a scan testing each row against the array is quadratic
    // (a GIN-indexed bigint[] column instead of theme_band was tried: the planner scanned the open themes and tested
    // each with &&, 812 ms for a batch of 2,000 unique mentions against 312 ms for this join).
    private static final String CANDIDATES = """
            SELECT t.id, t.signature, t.size, array_agg(b.band_key)
            FROM unnest(?::bigint[]) AS k(band_key)
            JOIN theme_band b ON b.band_key = k.band_key
            JOIN theme t ON t.id = b.theme_id
            WHERE t.last_seen >= ?
            GROUP BY t.id""";

    private static final String INSERT_THEMES = """
            INSERT INTO theme (id, label, query_id, signature, first_seen, last_seen, size)
            SELECT id, label, query_id, signature::integer[], ?, ?, size
            FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::integer[]) AS t(id, label, query_id, signature, size)
            ON CONFLICT (id) DO NOTHING""";

    private static final String INSERT_BANDS = "INSERT INTO theme_band (band_key, theme_id) SELECT * FROM unnest(?::bigint[], ?::uuid[])";

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final String LOCK = "SELECT id FROM theme WHERE id = ANY(?) ORDER BY id FOR UPDATE";

    private static final String GROW = """
            UPDATE theme t SET size = t.size + d.n, last_seen = greatest(t.last_seen, ?)
            FROM unnest(?::uuid[], ?::integer[]) AS d(id, n) WHERE t.id = d.id
            RETURNING t.id, t.size""";

    private final MinHash minHash;
    private final ThemeConfig config;

    public MinHashThemes(ThemeConfig config) {
        this.config = config;
        this.minHash = new MinHash(config.hashes(), config.bands(), config.keepHandles(), config.minWords());
    }

    private static final class Theme {
        final UUID id;
        final int[] signature;
        final boolean isNew;
        int added;
        int size;
        String label;
        UUID queryId;

        Theme(UUID id, int[] signature, int size, boolean isNew) {
            this.id = id;
            this.signature = signature;
            this.size = size;
            this.isNew = isNew;
        }
    }

    @Override
    public List<ThemeMembership> assign(Connection connection, List<ThemeInput> mentions, Instant now)
            throws SQLException {
        int n = mentions.size();
        if (n == 0) {
            return List.of();
        }
        MinHash.Fingerprint[] prints = new MinHash.Fingerprint[n];
        List<UUID> comparable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prints[i] = minHash.fingerprint(mentions.get(i).text());
            if (prints[i].comparable()) {
                comparable.add(mentions.get(i).mentionId());
            }
        }
        Map<UUID, Theme> themes = new HashMap<>();
        Map<UUID, UUID> already = already(connection, comparable, themes);
        Map<Long, Object> byKey = candidates(connection, mentions, prints, already, now, themes);

        Theme[] joined = new Theme[n];
        List<UUID> compared = new ArrayList<>(); // a mention's candidates are few: a list beats a set per mention
        for (int i = 0; i < n; i++) {
            ThemeInput mention = mentions.get(i);
            if (!prints[i].comparable() || already.containsKey(mention.mentionId())) {
                continue;
            }
            Theme best = null;
            double bestSimilarity = -1;
            compared.clear();
            for (long key : prints[i].bandKeys()) {
                Object holders = byKey.get(key);
                int count = holders == null ? 0 : holders instanceof UUID ? 1 : ((List<?>) holders).size();
                for (int h = 0; h < count; h++) {
                    UUID candidate = holders instanceof UUID one ? one : (UUID) ((List<?>) holders).get(h);
                    if (compared.contains(candidate)) {
                        continue; // a theme sharing several bands is compared once
                    }
                    compared.add(candidate);
                    Theme theme = themes.get(candidate);
                    double similarity = MinHash.similarity(prints[i].signature(), theme.signature);
                    if (similarity >= config.threshold() && (similarity > bestSimilarity
                            || similarity == bestSimilarity && theme.size + theme.added > best.size + best.added)) {
                        best = theme;
                        bestSimilarity = similarity;
                    }
                }
            }
            if (best == null) {
                best = new Theme(themeId(mention.mentionId()), prints[i].signature(), 0, true);
                best.label = label(mention.text());
                best.queryId = mention.matchedQueries() == null || mention.matchedQueries().isEmpty() ? null
                        : mention.matchedQueries().get(0);
                themes.put(best.id, best);
                for (long key : prints[i].bandKeys()) {
                    hold(byKey, key, best.id);
                }
            }
            best.added++;
            joined[i] = best;
        }
        write(connection, themes, prints, joined, now);

        List<ThemeMembership> memberships = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UUID id = mentions.get(i).mentionId();
            Theme theme = joined[i] != null ? joined[i] : already.containsKey(id) ? themes.get(already.get(id)) : null;
            memberships.add(theme == null ? ThemeMembership.NONE : new ThemeMembership(theme.id, theme.size));
        }
        return memberships;
    }

    /**
     * Adds a theme to the holders of a band key, in the order found (ties of similarity go to the larger theme, then
     * the first found). Nearly every key has one holder, so that is the UUID itself, not a collection.
     */
    @SuppressWarnings("unchecked")
    private static void hold(Map<Long, Object> byKey, long key, UUID theme) {
        Object holders = byKey.get(key);
        if (holders == null) {
            byKey.put(key, theme);
        } else if (holders instanceof UUID one) {
            if (!one.equals(theme)) {
                List<UUID> many = new ArrayList<>(2);
                many.add(one);
                many.add(theme);
                byKey.put(key, many);
            }
        } else if (!((List<UUID>) holders).contains(theme)) {
            ((List<UUID>) holders).add(theme);
        }
    }

    /** The theme id of a theme started by {@code mentionId}: the same on every attempt of the batch. */
    static UUID themeId(UUID mentionId) {
        return UUID.nameUUIDFromBytes(("clearpost-theme:" + mentionId).getBytes(StandardCharsets.UTF_8));
    }

    private String label(String text) {
        String collapsed = text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ");
        int max = config.labelLength();
        if (collapsed.codePointCount(0, collapsed.length()) <= max) {
            return collapsed;
        }
        return collapsed.substring(0, collapsed.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static Map<UUID, UUID> already(Connection connection, List<UUID> ids, Map<UUID, Theme> themes)
            throws SQLException {
        Map<UUID, UUID> already = new HashMap<>();
        if (ids.isEmpty()) {
            return already;
        }
        try (PreparedStatement select = connection.prepareStatement(ALREADY)) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID theme = rows.getObject(2, UUID.class);
                    already.put(rows.getObject(1, UUID.class), theme);
                    themes.computeIfAbsent(theme, t -> new Theme(t, null, 0, false)).size = rows.getInt(3);
                }
            }
        }
        return already;
    }

    private Map<Long, Object> candidates(Connection connection, List<ThemeInput> mentions,
            MinHash.Fingerprint[] prints, Map<UUID, UUID> already, Instant now, Map<UUID, Theme> themes)
            throws SQLException {
        Map<Long, Object> byKey = new HashMap<>();
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < prints.length; i++) {
            if (prints[i].comparable() && !already.containsKey(mentions.get(i).mentionId())) {
                for (long key : prints[i].bandKeys()) {
                    keys.add(key);
                }
            }
        }
        if (keys.isEmpty()) {
            return byKey;
        }
        try (PreparedStatement select = connection.prepareStatement(CANDIDATES)) {
            select.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            select.setTimestamp(2, Timestamp.from(now.minus(config.window())));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    Array signature = rows.getArray(2);
                    int[] values = Arrays.stream((Integer[]) signature.getArray()).mapToInt(Integer::intValue)
                            .toArray();
                    themes.put(id, new Theme(id, values, rows.getInt(3), false));
                    for (Long key : (Long[]) rows.getArray(4).getArray()) {
                        if (keys.contains(key)) {
                            hold(byKey, key, id);
                        }
                    }
                }
            }
        }
        return byKey;
    }

    private void write(Connection connection, Map<UUID, Theme> themes, MinHash.Fingerprint[] prints, Theme[] joined,
            Instant now) throws SQLException {
        List<Theme> created = new ArrayList<>();
        TreeMap<UUID, Theme> grown = new TreeMap<>();
        for (Theme theme : new LinkedHashMap<>(themes).values()) {
            if (theme.added == 0) {
                continue;
            }
            if (theme.isNew) {
                theme.size = theme.added;
                created.add(theme);
            } else {
                grown.put(theme.id, theme);
            }
        }
        Timestamp at = Timestamp.from(now);
        if (!created.isEmpty()) {
            int c = created.size();
            UUID[] ids = new UUID[c];
            String[] labels = new String[c];
            UUID[] queries = new UUID[c];
            String[] signatures = new String[c];
            Integer[] sizes = new Integer[c];
            Long[] bandKeys = new Long[c * config.bands()];
            UUID[] bandThemes = new UUID[c * config.bands()];
            int k = 0;
            for (int i = 0; i < c; i++) {
                Theme theme = created.get(i);
                ids[i] = theme.id;
                labels[i] = theme.label;
                queries[i] = theme.queryId;
                signatures[i] = signatureLiteral(theme.signature);
                sizes[i] = theme.size;
                for (long key : minHash.bandKeys(theme.signature)) {
                    bandKeys[k] = key;
                    bandThemes[k++] = theme.id;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_THEMES)) {
                insert.setTimestamp(1, at);
                insert.setTimestamp(2, at);
                insert.setArray(3, connection.createArrayOf("uuid", ids));
                insert.setArray(4, connection.createArrayOf("text", labels));
                insert.setArray(5, connection.createArrayOf("uuid", queries));
                insert.setArray(6, connection.createArrayOf("text", signatures));
                insert.setArray(7, connection.createArrayOf("integer", sizes));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_BANDS)) {
                insert.setArray(1, connection.createArrayOf("bigint", bandKeys));
                insert.setArray(2, connection.createArrayOf("uuid", bandThemes));
                insert.executeUpdate();
            }
        }
        if (!grown.isEmpty()) {
            UUID[] ids = grown.keySet().toArray(UUID[]::new);
            Integer[] added = grown.values().stream().map(t -> t.added).toArray(Integer[]::new);
            if (ids.length > 1) {
                // Row locks in id order: two batches growing the same themes wait for each other, never deadlock.
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setArray(1, connection.createArrayOf("uuid", ids));
                    lock.executeQuery().close();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(GROW)) {
                update.setTimestamp(1, at);
                update.setArray(2, connection.createArrayOf("uuid", ids));
                update.setArray(3, connection.createArrayOf("integer", added));
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        grown.get(rows.getObject(1, UUID.class)).size = rows.getInt(2);
                    }
                }
            }
        }
    }

    private static String signatureLiteral(int[] signature) {
        StringBuilder literal = new StringBuilder(signature.length * 12).append('{');
        for (int i = 0; i < signature.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(signature[i]);
        }
        return literal.append('}').toString();
    }
}
