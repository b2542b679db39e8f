package org.clearpost.monitoring.theme;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Keeps {@code theme_band} to the open themes. Safe on every replica at once: each delete is idempotent. */
@ApplicationScoped
public class ThemePruner {

    private static final Logger LOG = Logger.getLogger(ThemePruner.class);

    private final Themes themes;

    public ThemePruner(Themes themes) {
        this.themes = themes;
    }

    @Scheduled(every = "${clearpost.monitoring.themes.prune-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            int pruned = themes.prune();
            if (pruned > 0) {
                LOG.debugf("Pruned %d LSH keys of closed themes", pruned);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Pruning theme keys failed, tried again later: %s", e.toString());
        }
    }
}
