package org.clearpost.clearance.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for undecided cases past their due time every {@code clearpost.clearance.overdue.scan-interval}. */
@ApplicationScoped
public class OverdueScan {

    private final ClearanceService clearances;

    public OverdueScan(ClearanceService clearances) {
        this.clearances = clearances;
    }

    @Scheduled(every = "${clearpost.clearance.overdue.scan-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        while (clearances.markOverdue() == ClearanceService.OVERDUE_BATCH) {
            // A full batch: there may be more.
        }
    }
}
