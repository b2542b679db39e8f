package org.clearpost.monitoring.youtube;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The YouTube comments intake: polls {@code commentThreads.list} for every thread on the body's channel's videos.
 * Without a base URL, an API key and the channel id the intake is off.
 */
@ConfigMapping(prefix = "clearpost.monitoring.youtube")
public interface YouTubeConfig {

    /** The Data API's origin: {@code https://www.googleapis.com} (the path {@code /youtube/v3/...} is added). */
    Optional<URI> baseUrl();

    /** An API key of the body's Google Cloud project with the YouTube Data API enabled. */
    Optional<String> apiKey();

    /** The body's channel ({@code UC...}): the comments on all of its videos are read. */
    Optional<String> channelId();

    /** The project's quota units per day (YouTube's default: 10,000); one poll page costs 1 unit. */
    @WithDefault("10000")
    int dailyQuota();

    /** The share of the daily quota this intake may spend; the rest stays for publishing and other reads. */
    @WithDefault("0.5")
    double quotaShare();

    /** The shortest time between polls; the interval is also never shorter than a day divided by the units allowed. */
    @WithDefault("10s")
    Duration minInterval();

    /** Threads per page (YouTube: 1 to 100). */
    @WithDefault("100")
    int maxResults();

    /** On the very first poll (no cursor yet), how far back to read. */
    @WithDefault("7d")
    Duration initialLookback();

    /** Most threads written in one batch. */
    @WithDefault("500")
    int batchSize();

    @WithDefault("10s")
    Duration requestTimeout();

    /** First and longest wait after a failed poll (doubling). */
    @WithDefault("5s")
    Duration retryMin();

    @WithDefault("5m")
    Duration retryMax();

    default boolean enabled() {
        return baseUrl().isPresent() && apiKey().filter(k -> !k.isBlank()).isPresent()
                && channelId().filter(c -> !c.isBlank()).isPresent();
    }

    /**
     * The time between polls: one unit per poll must fit the day's share of the quota (10,000 units at half:
     * 17.28 s), and never less than {@link #minInterval()}.
     */
    default Duration pollInterval() {
        long units = Math.max(1, (long) Math.floor(dailyQuota() * quotaShare()));
        Duration byQuota = Duration.ofDays(1).dividedBy(units);
        return byQuota.compareTo(minInterval()) > 0 ? byQuota : minInterval();
    }
}
