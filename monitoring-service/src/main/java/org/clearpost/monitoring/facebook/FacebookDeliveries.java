package org.clearpost.monitoring.facebook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * When this replica last made a webhook delivery durable. Kept in memory on the request path and written to
 * {@code facebook_coverage} once a second, so the webhook does no database work and a burst of deliveries costs one
 * row update a second, not one per request.
 */
@ApplicationScoped
public class FacebookDeliveries {

    private static final Logger LOG = Logger.getLogger(FacebookDeliveries.class);

    private final AtomicReference<Instant> latest = new AtomicReference<>();
    private final FacebookCoverage coverage;
    private final FacebookConfig config;

    FacebookDeliveries(FacebookCoverage coverage, FacebookConfig config) {
        this.coverage = coverage;
        this.config = config;
    }

    /** A delivery was answered 200 at {@code at}. */
    void received(Instant at) {
        latest.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    @Scheduled(every = "{clearpost.monitoring.facebook.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        Instant at = latest.getAndSet(null);
        if (at == null) {
            return;
        }
        try {
            coverage.delivered(at, config.gapThreshold());
        } catch (RuntimeException e) {
            // Kept for the next flush: a delivery time lost here would only make a gap look longer, never shorter.
            received(at);
            LOG.warnf("Could not record the latest Facebook delivery (%s); will try again: %s", at, e);
        }
    }
}
