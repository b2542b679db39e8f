package org.clearpost.monitoring.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Frees claims nobody renewed: an expired claim already reads as free, but its end belongs in the mention's history
 * (CLAIM_RELEASED by {@code system}) and the claim columns should not keep a name that no longer holds. Runs on every
 * replica; {@code SKIP LOCKED} keeps them off each other's rows.
 */
@ApplicationScoped
public class ClaimSweeper {

    private final InboxService inbox;
    private final InboxConfig config;

    public ClaimSweeper(InboxService inbox, InboxConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @Scheduled(every = "${clearpost.monitoring.inbox.sweep-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        while (inbox.releaseExpiredClaims(config.sweepBatch()) == config.sweepBatch()) {
            // A full batch: there may be more.
        }
    }
}
