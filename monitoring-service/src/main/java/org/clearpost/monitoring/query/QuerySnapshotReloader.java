package org.clearpost.monitoring.query;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Keeps the matcher's snapshot in step with the table: at start, right after this replica commits a change, and when
 * the poll sees the table's fingerprint move (a change made through another replica). Polling the database was
 * chosen over consuming the service's own topic: every replica would need a consumer group of its own (and grants for
 * it), while the database is already there and the poll costs one index-free sum over a small table every few
 * seconds.
 */
@ApplicationScoped
public class QuerySnapshotReloader {

    private static final Logger LOG = Logger.getLogger(QuerySnapshotReloader.class);

    private final TrackedQueries queries;
    private final TrackedQueryMatcher matcher;
    private final XStreamRulesSync xRules;
    private volatile boolean failing;

    public QuerySnapshotReloader(TrackedQueries queries, TrackedQueryMatcher matcher, XStreamRulesSync xRules) {
        this.queries = queries;
        this.matcher = matcher;
        this.xRules = xRules;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            reload();
        } catch (RuntimeException e) {
            // The database may still be coming up: the poll tries again in a few seconds.
            LOG.warnf("Tracked queries not loaded at start (the poll will retry): %s", e.getMessage());
        }
        xRules.requestSync();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrackedQueriesChanged change) {
        reload();
        xRules.requestSync();
    }

    @Scheduled(every = "${clearpost.monitoring.queries.poll-interval:3s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (queries.fingerprint() != matcher.snapshot().fingerprint()) {
                reload();
                xRules.requestSync();
            }
            if (failing) {
                LOG.info("Tracked queries reloading again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Cannot check tracked queries for changes (the previous ones stay in force): %s",
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Reads the active queries and puts them in force; returns the snapshot now in force. */
    public CompiledQueries reload() {
        CompiledQueries next = queries.compileActive();
        matcher.install(next);
        LOG.debugf("Tracked queries in force: %d (fingerprint %d)", next.queries().size(), next.fingerprint());
        return matcher.snapshot();
    }
}
