package org.clearpost.monitoring.triage;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.clearpost.monitoring.query.TrackedQueriesChanged;
import org.jboss.logging.Logger;

/**
 * Keeps triage's snapshot in step with the tables, as tracked queries are kept (query.QuerySnapshotReloader): at
 * start, right after this replica commits a change of rules, author lists or tracked queries (a rule may name a
 * query's purpose), and when the poll sees the fingerprint move (a change through another replica).
 */
@ApplicationScoped
public class TriageReloader {

    private static final Logger LOG = Logger.getLogger(TriageReloader.class);

    private final TriageStore store;
    private final RuleTriage triage;
    private volatile boolean failing;

    public TriageReloader(TriageStore store, RuleTriage triage) {
        this.store = store;
        this.triage = triage;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warnf("Triage rules not loaded at start (the poll will retry): %s", e.getMessage());
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TriageChanged change) {
        reload();
    }

    void onQueriesChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrackedQueriesChanged change) {
        reload();
    }

    @Scheduled(every = "${clearpost.monitoring.triage.poll-interval:3s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            if (store.fingerprint() != triage.snapshot().fingerprint()) {
                reload();
            }
            if (failing) {
                LOG.info("Triage rules reloading again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Cannot check triage rules for changes (the previous ones stay in force): %s",
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Reads the rules and author lists and puts them in force; returns the snapshot now in force. */
    public TriageSnapshot reload() {
        triage.install(store.load());
        return triage.snapshot();
    }
}
