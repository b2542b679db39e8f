package org.clearpost.publisher.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Engagement sampling of published posts. */
@ConfigMapping(prefix = "clearpost.publisher.metrics")
public interface MetricsConfig {

    /**
     * How long after publication each sample is taken, in the order of {@code PostMetricsSampled.SAMPLE_AGES}
     * (1h, 6h, 24h, 7d, 30d). Tests shorten them; the labels stay.
     */
    @WithDefault("PT1H,PT6H,PT24H,P7D,P30D")
    List<Duration> sampleAges();

    /** How often the sampler looks for due samples. */
    @WithDefault("10s")
    String pollInterval();

    /** Wait after the first transient failure of a sample (5xx, timeout, rate limit); doubles each time. */
    @WithDefault("1m")
    Duration retryDelay();

    /** Longest wait between two attempts: a transient failure is retried for as long as it lasts, never dropped. */
    @WithDefault("1h")
    Duration maxRetryDelay();

    /** A sample SAMPLING this long belongs to an instance that stopped during its read; it is taken again. */
    @WithDefault("2m")
    Duration inFlightTimeout();

    /** Graph post insights metrics asked for (current names: never the removed post_impressions*). */
    @WithDefault("post_media_view,post_total_media_view_unique,post_clicks_by_type")
    List<String> facebookInsightsMetrics();

    /** Graph metrics known to be withdrawn, never asked for; the service also learns them from Graph's #100. */
    Optional<List<String>> facebookWithdrawnMetrics();
}
