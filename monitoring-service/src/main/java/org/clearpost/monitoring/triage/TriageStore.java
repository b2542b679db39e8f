package org.clearpost.monitoring.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.AuthorListChanged;
import org.clearpost.events.Network;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.TrackedQueryDefined.Purpose;
import org.clearpost.events.TriageRuleDefined;
import org.clearpost.events.TriageRuleDeleted;
import org.clearpost.monitoring.query.QueryParser;
import org.clearpost.monitoring.query.QuerySyntaxException;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * The 4.1 rules and the author lists, in SQL. Every change bumps {@code triage_version} in its transaction and fires
 * {@link TriageChanged}, so this replica reloads on commit and the others on their next poll. Every change is also an
 * event in the outbox, in the same transaction (TriageRuleDefined, TriageRuleDeleted, AuthorListChanged).
 */
@ApplicationScoped
public class TriageStore {

    private static final String RULE_COLUMNS = "id, reason, name, query_ids, purposes, terms, sentiment_at_most, "
            + "sentiment_at_least, author_lists, active, changed_by, changed_at";
    private static final String FINGERPRINT = """
            SELECT v.version + (SELECT coalesce(sum(revision), 0) FROM tracked_query) FROM triage_version v""";

    private final DataSource dataSource;
    private final Clock clock;
    private final Event<TriageChanged> changed;
    private final Outbox outbox;

    public TriageStore(DataSource dataSource, Clock clock, Event<TriageChanged> changed, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional
    public List<TriageRule> rules() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + RULE_COLUMNS + " FROM triage_rule ORDER BY name")) {
            return readRules(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public TriageRule rule(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + RULE_COLUMNS + " FROM triage_rule WHERE id = ?")) {
            s.setObject(1, id);
            List<TriageRule> found = readRules(s);
            if (found.isEmpty()) {
                throw ProblemException.notFound("Triage rule", id);
            }
            return found.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public TriageRule create(TriageRuleRequest request, String by) {
        return write(UUID.randomUUID(), request, by, true);
    }

    @Transactional
    public TriageRule update(UUID id, TriageRuleRequest request, String by) {
        rule(id);
        return write(id, request, by, false);
    }

    @Transactional
    public void delete(UUID id, String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM triage_rule WHERE id = ?")) {
            s.setObject(1, id);
            if (s.executeUpdate() == 0) {
                throw ProblemException.notFound("Triage rule", id);
            }
            bump(c);
            outbox.append(new TriageRuleDeleted(id, by, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private TriageRule write(UUID id, TriageRuleRequest request, String by, boolean insert) {
        validate(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String sql = insert ? "INSERT INTO triage_rule (reason, name, query_ids, purposes, terms, sentiment_at_most, "
                + "sentiment_at_least, author_lists, active, changed_by, changed_at, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE triage_rule SET reason = ?, name = ?, query_ids = ?, purposes = ?, terms = ?, "
                        + "sentiment_at_most = ?, sentiment_at_least = ?, author_lists = ?, active = ?, "
                        + "changed_by = ?, changed_at = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection()) {
            requireName(c, request.name().strip(), id);
            requireQueries(c, orEmpty(request.queryIds()));
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, request.reason().name());
                s.setString(2, request.name().strip());
                s.setArray(3, c.createArrayOf("uuid", orEmpty(request.queryIds()).toArray()));
                s.setArray(4, c.createArrayOf("text", orEmpty(request.purposes()).stream().map(Enum::name).toArray()));
                s.setString(5, blank(request.terms()) ? null : request.terms().strip());
                s.setObject(6, request.sentimentAtMost());
                s.setObject(7, request.sentimentAtLeast());
                s.setArray(8, c.createArrayOf("text", orEmpty(request.authorLists()).toArray()));
                s.setBoolean(9, request.active() == null || request.active());
                s.setString(10, by);
                s.setTimestamp(11, Timestamp.from(now));
                s.setObject(12, id);
                s.executeUpdate();
            }
            bump(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        TriageRule rule = rule(id);
        outbox.append(new TriageRuleDefined(rule.id(), rule.reason(), rule.name(), rule.queryIds(), rule.purposes(),
                rule.terms(), rule.sentimentAtMost(), rule.sentimentAtLeast(), rule.authorLists(), rule.active(),
                rule.changedBy(), rule.changedAt()));
        return rule;
    }

    private static void validate(TriageRuleRequest request) {
        if (request.reason() == ResponseReason.REPEATED_THEME) {
            throw bad("reason", "REPEATED_THEME is found from themes (clearpost.monitoring.triage.repeated-theme-size),"
                    + " not by a rule: use AWARENESS_OPPORTUNITY or REPUTATION_RISK");
        }
        if (orEmpty(request.queryIds()).isEmpty() && orEmpty(request.purposes()).isEmpty() && blank(request.terms())
                && request.sentimentAtMost() == null && request.sentimentAtLeast() == null
                && orEmpty(request.authorLists()).isEmpty()) {
            throw bad("terms", "a rule needs at least one condition: queryIds, purposes, terms, sentimentAtMost, "
                    + "sentimentAtLeast or authorLists");
        }
        if (request.sentimentAtMost() != null && request.sentimentAtLeast() != null
                && request.sentimentAtLeast() > request.sentimentAtMost()) {
            throw bad("sentimentAtLeast", "must not be above sentimentAtMost (no sentiment could match)");
        }
        if (!blank(request.terms())) {
            try {
                QueryParser.parse(request.terms());
            } catch (QuerySyntaxException e) {
                throw bad("terms", e.getMessage());
            }
        }
    }

    private static void requireName(Connection c, String name, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM triage_rule WHERE name = ? AND id <> ?")) {
            s.setString(1, name);
            s.setObject(2, id);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw ProblemException.conflict("Name taken", "Triage rule " + r.getObject(1)
                            + " is already named '" + name + "'");
                }
            }
        }
    }

    private static void requireQueries(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT q FROM unnest(?::uuid[]) q WHERE NOT EXISTS (SELECT 1 FROM tracked_query t WHERE t.id = q)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw bad("queryIds", "no tracked query " + r.getObject(1));
                }
            }
        }
    }

    @Transactional
    public List<AuthorListEntry> authors(Network network, String list) {
        StringBuilder sql = new StringBuilder("SELECT network, handle, list, added_by, added_at FROM author_list_entry "
                + "WHERE true");
        List<Object> args = new ArrayList<>();
        if (network != null) {
            sql.append(" AND network = ?");
            args.add(network.name());
        }
        if (list != null) {
            sql.append(" AND list = ?");
            args.add(list);
        }
        sql.append(" ORDER BY list, network, handle");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int k = 0; k < args.size(); k++) {
                s.setObject(k + 1, args.get(k));
            }
            return readAuthors(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts the author on the list; already on it is no change (the first entry, with who added it, stays). */
    @Transactional
    public AuthorListEntry addAuthor(AuthorListRequest request, String by) {
        String handle = handle(request.handle());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO author_list_entry "
                    + "(network, handle, list, added_by, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, request.network().name());
                s.setString(2, handle);
                s.setString(3, request.list());
                s.setString(4, by);
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                s.setTimestamp(5, Timestamp.from(now));
                if (s.executeUpdate() > 0) {
                    bump(c);
                    outbox.append(new AuthorListChanged(request.network(), handle, request.list(),
                            AuthorListChanged.Change.ADDED, by, now));
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT network, handle, list, added_by, added_at "
                    + "FROM author_list_entry WHERE network = ? AND handle = ? AND list = ?")) {
                s.setString(1, request.network().name());
                s.setString(2, handle);
                s.setString(3, request.list());
                return readAuthors(s).get(0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void removeAuthor(Network network, String list, String handle, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM author_list_entry WHERE network = ? AND handle = ? AND list = ?")) {
            s.setString(1, network.name());
            s.setString(2, handle(handle));
            s.setString(3, list);
            if (s.executeUpdate() == 0) {
                throw ProblemException.notFound("Author list entry", network + "/" + list + "/" + handle);
            }
            bump(c);
            outbox.append(new AuthorListChanged(network, handle(handle), list, AuthorListChanged.Change.REMOVED, by,
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything triage reads, with the fingerprint read first (a change committed meanwhile reloads again). */
    @Transactional
    public TriageSnapshot load() {
        try (Connection c = dataSource.getConnection()) {
            long fingerprint = fingerprint(c);
            List<TriageRule> rules;
            try (PreparedStatement s = c.prepareStatement("SELECT " + RULE_COLUMNS + " FROM triage_rule ORDER BY "
                    + "reason, name")) {
                rules = readRules(s);
            }
            Map<UUID, Purpose> purposes = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, purpose FROM tracked_query");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    purposes.put((UUID) r.getObject(1), Purpose.valueOf(r.getString(2)));
                }
            }
            List<AuthorListEntry> authors;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT network, handle, list, added_by, added_at FROM author_list_entry")) {
                authors = readAuthors(s);
            }
            return new TriageSnapshot(rules, purposes, authors, fingerprint);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grows with every committed change of the rules, the author lists or the tracked queries (their purposes). */
    @Transactional
    public long fingerprint() {
        try (Connection c = dataSource.getConnection()) {
            return fingerprint(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long fingerprint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FINGERPRINT); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private void bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE triage_version SET version = version + 1")) {
            s.executeUpdate();
        }
        changed.fire(new TriageChanged());
    }

    private static List<TriageRule> readRules(PreparedStatement s) throws SQLException {
        List<TriageRule> rules = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rules.add(new TriageRule((UUID) r.getObject(1), ResponseReason.valueOf(r.getString(2)),
                        r.getString(3), Arrays.asList((UUID[]) r.getArray(4).getArray()),
                        strings(r.getArray(5)).stream().map(Purpose::valueOf).toList(), r.getString(6),
                        (Double) r.getObject(7), (Double) r.getObject(8), strings(r.getArray(9)),
                        r.getBoolean(10), r.getString(11), r.getTimestamp(12).toInstant()));
            }
        }
        return rules;
    }

    private static List<AuthorListEntry> readAuthors(PreparedStatement s) throws SQLException {
        List<AuthorListEntry> entries = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                entries.add(new AuthorListEntry(Network.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                        r.getString(4), r.getTimestamp(5).toInstant()));
            }
        }
        return entries;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    static String handle(String handle) {
        String folded = handle.strip().toLowerCase(Locale.ROOT);
        while (folded.startsWith("@")) {
            folded = folded.substring(1);
        }
        return folded;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ProblemException bad(String field, String message) {
        return ProblemException.badRequest(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }
}
