package org.clearpost.publisher.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.config.PublisherConfig;
import org.clearpost.publisher.network.PublishResult;
import org.jboss.logging.Logger;

/**
 * Publishes what is due, one publication at a time: claim (own transaction), call the network (no transaction),
 * record the outcome (own transaction). Replicas share the work through the claim's SKIP LOCKED. Runs on its own
 * thread rather than the Quarkus scheduler, whose periods are whole seconds.
 */
@ApplicationScoped
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class);

    private final PublicationLedger ledger;
    private final PublisherConfig config;
    private final Duration longestCall;
    private ScheduledExecutorService executor;
    // Its own thread: the worker's is busy with the very call whose claim it renews.
    private ScheduledExecutorService claimRenewal;
    private volatile boolean stopping;

    public PublishWorker(PublicationLedger ledger, PublisherConfig config, NetworksConfig networks) {
        this.ledger = ledger;
        this.config = config;
        this.longestCall = networks.connectTimeout().plus(networks.requestTimeout());
    }

    void start(@Observes StartupEvent startup) {
        if (config.inFlightTimeout().compareTo(longestCall) <= 0) {
            throw new IllegalStateException("clearpost.publisher.in-flight-timeout (" + config.inFlightTimeout()
                    + ") must be longer than a call may take (connect + request timeout = " + longestCall
                    + "), or live calls would be taken for interrupted ones");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "publish-worker"));
        claimRenewal = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "publish-claim-renewal"));
        // The first sweep runs at once: calls cut short by a crash or a kill are found at start-up.
        executor.scheduleWithFixedDelay(this::failInterruptedCalls, 0, config.inFlightTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::publishDue, 0, config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            try {
                // Lets a call under way finish and be recorded rather than be cut short with an unknown outcome.
                executor.awaitTermination(longestCall.toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (claimRenewal != null) {
            claimRenewal.shutdownNow();
        }
    }

    private void publishDue() {
        try {
            for (Optional<Claim> claim = next(); claim.isPresent(); claim = next()) {
                if (claim.get() instanceof Claim.Call call) {
                    publish(call);
                }
            }
        } catch (RuntimeException e) {
            // An exception would end the executor's schedule for good: log it and try again on the next tick.
            LOG.errorf(e, "Publishing stopped for this round");
        }
    }

    private void failInterruptedCalls() {
        try {
            ledger.failInterrupted();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot look for interrupted calls this round");
        }
    }

    private void renewClaim(Claim.Call call) {
        try {
            ledger.renewClaim(call.request().publicationId());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot renew the claim on publication %s", call.request().publicationId());
        }
    }

    /** Claims nothing more once the service is stopping. */
    private Optional<Claim> next() {
        return stopping ? Optional.empty() : ledger.claimNext();
    }

    private void publish(Claim.Call call) {
        PublishResult result;
        long renewEvery = Math.max(1, config.inFlightTimeout().toMillis() / 3);
        ScheduledFuture<?> renewal = claimRenewal.scheduleAtFixedRate(() -> renewClaim(call), renewEvery, renewEvery,
                TimeUnit.MILLISECONDS);
        try {
            result = call.connector().publish(call.request());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Connector for %s failed on publication %s", call.request().network(),
                    call.request().publicationId());
            result = new PublishResult.Failed(PublishResult.outcomeUnknown(
                    "the call ended in an unexpected error (" + e.getClass().getSimpleName() + ")"), null);
        } finally {
            renewal.cancel(false);
        }
        try {
            ledger.recordOutcome(call.request().publicationId(), result);
        } catch (RuntimeException e) {
            // The network has answered but the ledger cannot say so: the row stays PUBLISHING and is later failed
            // as interrupted. The log is then the only record of what the network said.
            LOG.errorf(e, "Cannot record the outcome of publication %s: %s", call.request().publicationId(), result);
            throw e;
        }
    }
}
