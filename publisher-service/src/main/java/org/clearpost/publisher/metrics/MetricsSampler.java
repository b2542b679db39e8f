package org.clearpost.publisher.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.Network;
import org.jboss.logging.Logger;

/**
 * Takes the due metrics samples, one at a time, as the publish worker publishes: claim (own transaction), read the
 * network (no transaction), record the result and its PostMetricsSampled (own transaction). Replicas share the work
 * through the claim's SKIP LOCKED. A transient failure puts the sample back, due after a backoff; a failure to record
 * leaves it SAMPLING, to be claimed again after the in-flight timeout: a read is safe to repeat, and only the claim
 * still current records, so each sample gives one event.
 */
@ApplicationScoped
public class MetricsSampler {

    private static final Logger LOG = Logger.getLogger(MetricsSampler.class);
    /** Samples taken per tick at most, so a backlog does not hold the scheduler's thread for ever. */
    private static final int MAX_PER_TICK = 500;

    private final SampleSchedule schedule;
    private final Map<Network, MetricsReader> readers = new EnumMap<>(Network.class);
    private final MeterRegistry meters;

    public MetricsSampler(SampleSchedule schedule, Instance<MetricsReader> readers, MeterRegistry meters) {
        this.schedule = schedule;
        this.meters = meters;
        readers.forEach(reader -> this.readers.put(reader.network(), reader));
    }

    @Scheduled(identity = "metrics-sampler", every = "${clearpost.publisher.metrics.poll-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleDue() {
        try {
            int taken = 0;
            for (Optional<SampleClaim> claim = schedule.claimNext(); claim.isPresent() && taken < MAX_PER_TICK;
                    claim = schedule.claimNext()) {
                taken++;
                if (claim.get() instanceof SampleClaim.Read read) {
                    sample(read);
                } else {
                    count("given-up");
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Metrics sampling stopped for this round");
        }
    }

    private void sample(SampleClaim.Read read) {
        SampleResult result;
        try {
            result = readers.get(read.network()).read(read.request());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reading the metrics of %s post %s failed unexpectedly", read.network(), read.externalId());
            result = new SampleResult.Retry("the read ended in an unexpected error (" + e.getClass().getSimpleName()
                    + ")", null);
        }
        schedule.record(read, result);
        count(result instanceof SampleResult.Sampled ? "sampled"
                : result instanceof SampleResult.Retry ? "retry" : "given-up");
    }

    private void count(String outcome) {
        meters.counter("clearpost.publisher.metrics.samples", "outcome", outcome).increment();
    }
}
