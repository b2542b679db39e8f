package org.clearpost.publisher.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clearpost.events.PostMetricsSampled.UnavailableMetric;

/** What a network said when asked for a post's metrics. */
public sealed interface SampleResult {

    /**
     * @param withdrawnNow metrics the network refused as invalid during this read, with its message: remembered
     */
    record Sampled(Map<String, Long> metrics, List<UnavailableMetric> unavailable, Map<String, String> withdrawnNow)
            implements SampleResult {
    }

    /** Not now (5xx, timeout, rate limit): read again later, no earlier than {@code notBefore} if the network said. */
    record Retry(String reason, Instant notBefore) implements SampleResult {
    }

    /**
     * Never for this sample (token revoked, refused). {@code postGone}: the post is deleted, so its later samples are
     * given up too.
     */
    record GiveUp(String reason, boolean postGone) implements SampleResult {
    }
}
