package org.clearpost.monitoring.sla;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every {@code clearpost.monitoring.sla.overdue.interval}, marks the mentions whose response is past due. Due times
 * count only office hours (policy 4.2), so alerts fall in office hours too: a mention received on Friday evening is
 * not due, and not overdue, before Monday. Safe on any number of replicas ({@link OverdueMentions} skips rows another
 * replica holds); no leader election needed.
 */
@ApplicationScoped
public class OverdueSweeper {

    private static final Logger LOG = Logger.getLogger(OverdueSweeper.class);

    private final OverdueMentions mentions;
    private final SlaConfig config;
    private volatile boolean failing;

    public OverdueSweeper(OverdueMentions mentions, SlaConfig config) {
        this.mentions = mentions;
        this.config = config;
    }

    @Scheduled(every = "${clearpost.monitoring.sla.overdue.interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            int marked = sweep();
            if (failing) {
                LOG.info("Overdue sweep working again");
                failing = false;
            }
            if (marked > 0) {
                LOG.debugf("Marked %d mention(s) overdue", marked);
            }
        } catch (RuntimeException e) {
            // The database may be away; nothing is lost, the next sweep finds the same mentions.
            if (!failing) {
                LOG.warnf("Overdue sweep failed (the next one retries): %s", e.getMessage());
                failing = true;
            }
        }
    }

    /** Marks every mention now past due, batch by batch; returns how many this replica marked. */
    public int sweep() {
        int batch = config.overdue().batch();
        int total = 0;
        int marked;
        do {
            marked = mentions.markOverdue(batch).size();
            total += marked;
        } while (marked == batch);
        return total;
    }
}
