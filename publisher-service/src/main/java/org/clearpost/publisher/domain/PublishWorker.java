package org.clearpost.publisher.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.config.PublisherConfig;
import org.clearpost.publisher.network.PublishResult;
import org.clearpost.support.reliability.Backoff;
import org.clearpost.support.reliability.TransientFailures;
import org.jboss.logging.Logger;

/**
 * Publishes what is due, one publication at a time: claim (own transaction), call the network (no transaction),
 * record the outcome (own transaction). The call is {@code publish}, or {@code reconcile} when the step's last call
 * had an unknown outcome: then the network is asked what became of it before anything is sent again. Replicas share the work through the claim's SKIP LOCKED. Runs on its own
 * thread rather than the Quarkus scheduler, whose periods are whole seconds.
 */
@ApplicationScoped
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class);
    private static final Backoff RECORD_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));

    private final PublicationLedger ledger;
    private final MeterRegistry meters;
    private final PublisherConfig config;
    private final Duration longestCall;
    private ScheduledExecutorService executor;
    // Its own thread: the worker's is busy with the very call whose claim it renews.
    private ScheduledExecutorService claimRenewal;
    private volatile boolean stopping;

    public PublishWorker(PublicationLedger ledger, PublisherConfig config, NetworksConfig networks,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.meters = meters;
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
        executor.scheduleWithFixedDelay(this::reconcileInterruptedCalls, 0, config.inFlightTimeout().toMillis(),
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

    private void reconcileInterruptedCalls() {
        try {
            ledger.reconcileInterrupted();
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

    /**
     * The window that matters is between the network's answer and the commit that records it: a crash inside it
     * leaves the row PUBLISHING, later reconciled as "outcome unknown" although the network had answered. So nothing
     * runs in between but {@link PublicationLedger#recordOutcome}, one short transaction (lock the row, set its
     * state, append its event to the outbox) committed durably (synchronous_commit=on); the claim keeps being
     * renewed until that commit, and a database that is away when the answer comes is waited for rather than the
     * answer dropped.
     */
    private void publish(Claim.Call call) {
        PublishResult result;
        long renewEvery = Math.max(1, config.inFlightTimeout().toMillis() / 3);
        ScheduledFuture<?> renewal = claimRenewal.scheduleAtFixedRate(() -> renewClaim(call), renewEvery, renewEvery,
                TimeUnit.MILLISECONDS);
        try {
            try {
                result = call.reconcile() ? call.connector().reconcile(call.request())
                        : call.connector().publish(call.request());
            } catch (RuntimeException e) {
                result = new PublishResult.Unknown(PublishResult.outcomeUnknown(
                        "the call ended in an unexpected error (" + e.getClass().getSimpleName() + ")"), null);
                try {
                    record(call, result);
                } finally {
                    LOG.errorf(e, "Connector for %s failed on publication %s", call.request().network(),
                            call.request().publicationId());
                }
                return;
            }
            record(call, result);
        } finally {
            renewal.cancel(false);
        }
    }

    /**
     * Records the outcome, retrying while the failure is transient (the database restarting, say): the answer is
     * only in this process's memory, and giving up would turn a known outcome into an unknown one. Other failures
     * are thrown, leaving the row PUBLISHING to be reconciled as interrupted; the log then holds what the network said.
     */
    private void record(Claim.Call call, PublishResult result) {
        UUID publicationId = call.request().publicationId();
        for (int retry = 1; ; retry++) {
            try {
                ledger.recordOutcome(publicationId, result);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || stopping) {
                    LOG.errorf(e, "Cannot record the outcome of publication %s: %s", publicationId, result);
                    throw e;
                }
                Duration delay = RECORD_BACKOFF.delay(retry);
                meters.counter("clearpost.publisher.outcome.record.retries").increment();
                LOG.warnf("Cannot record the outcome of publication %s yet (retry %d in %d ms): %s; the outcome is %s",
                        publicationId, retry, delay.toMillis(), e, result);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
