package org.clearpost.monitoring.query;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.TrackedQueryRetired;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Tracked queries and the events each change sends ({@code TrackedQueryDefined}, {@code TrackedQueryRetired}) in the
 * same transaction. The query text is parsed before anything is stored: a query that does not parse is a 400 naming
 * the field {@code query} and the position.
 */
@ApplicationScoped
public class TrackedQueries {

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager entities;
    private final Event<TrackedQueriesChanged> changed;

    public TrackedQueries(Outbox outbox, Clock clock, EntityManager entities, Event<TrackedQueriesChanged> changed) {
        this.outbox = outbox;
        this.clock = clock;
        this.entities = entities;
        this.changed = changed;
    }

    /** Parses {@code query}; a syntax error becomes the 400 a person can act on. */
    public static QueryNode parse(String query) {
        try {
            return QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest("query: " + e.getMessage(),
                    List.of(new Problem.Violation("query", e.getMessage())));
        }
    }

    @Transactional
    public TrackedQuery create(TrackedQueryRequest request, String by) {
        parse(request.query());
        TrackedQuery query = new TrackedQuery();
        query.id = UUID.randomUUID();
        query.active = true;
        query.createdBy = by;
        query.createdAt = now();
        apply(query, request, by, query.createdAt);
        query.persist();
        outbox.append(query.defined());
        changed.fire(new TrackedQueriesChanged());
        return query;
    }

    @Transactional
    public TrackedQuery update(UUID id, TrackedQueryRequest request, String by) {
        parse(request.query());
        TrackedQuery query = active(id, "changed");
        apply(query, request, by, now());
        bumpRevision(id);
        outbox.append(query.defined());
        changed.fire(new TrackedQueriesChanged());
        return query;
    }

    @Transactional
    public TrackedQuery retire(UUID id, String by) {
        TrackedQuery query = active(id, "retired");
        query.active = false;
        query.changedBy = by;
        query.changedAt = now();
        bumpRevision(id);
        outbox.append(new TrackedQueryRetired(id, by, query.changedAt));
        changed.fire(new TrackedQueriesChanged());
        return query;
    }

    @Transactional
    public TrackedQuery find(UUID id) {
        TrackedQuery query = TrackedQuery.findById(id);
        if (query == null) {
            throw ProblemException.notFound("Tracked query", id);
        }
        return query;
    }

    /** Active ones, or all (retired too), by name. */
    @Transactional
    public List<TrackedQuery> list(boolean includeRetired) {
        Sort order = Sort.ascending("name", "id");
        return includeRetired ? TrackedQuery.listAll(order) : TrackedQuery.list("active", order, true);
    }

    /**
     * The active queries, parsed, with the table's fingerprint, read in one statement (one snapshot). A stored query
     * that no longer parses (the language changed) is left out and logged rather than stopping the others.
     */
    @Transactional
    public CompiledQueries compileActive() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                SELECT id, query, (SELECT coalesce(sum(revision), 0) FROM tracked_query)
                FROM tracked_query WHERE active ORDER BY id""").getResultList();
        long fingerprint = rows.isEmpty() ? fingerprint() : ((Number) rows.get(0)[2]).longValue();
        List<CompiledQueries.Compiled> compiled = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            try {
                compiled.add(new CompiledQueries.Compiled(id, QueryParser.parse((String) row[1])));
            } catch (QuerySyntaxException e) {
                org.jboss.logging.Logger.getLogger(TrackedQueries.class)
                        .errorf("Tracked query %s no longer parses and is not matched: %s", id, e.getMessage());
            }
        }
        return new CompiledQueries(compiled, fingerprint);
    }

    /** Grows with every committed change to the table: what replicas poll. */
    @Transactional
    public long fingerprint() {
        return ((Number) entities.createNativeQuery("SELECT coalesce(sum(revision), 0) FROM tracked_query")
                .getSingleResult()).longValue();
    }

    private TrackedQuery active(UUID id, String what) {
        TrackedQuery query = find(id);
        if (!query.active) {
            throw ProblemException.conflict("Retired", "Tracked query " + id + " is retired and cannot be " + what);
        }
        return query;
    }

    private void bumpRevision(UUID id) {
        entities.flush();
        entities.createNativeQuery("UPDATE tracked_query SET revision = nextval('tracked_query_revision') WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    private static void apply(TrackedQuery query, TrackedQueryRequest request, String by, Instant at) {
        query.name = request.name().strip();
        query.purpose = request.purpose();
        query.query = request.query().strip();
        query.changedBy = by;
        query.changedAt = at;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: the event must carry the instant the table shows.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
