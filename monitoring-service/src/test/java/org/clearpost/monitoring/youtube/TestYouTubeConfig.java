package org.clearpost.monitoring.youtube;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A {@link YouTubeConfig} for plain JUnit tests: the sandbox's key and channel, the given quota and interval. */
record TestYouTubeConfig(URI base, int dailyQuota, double quotaShare, Duration minInterval) implements YouTubeConfig {

    @Override
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(base);
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of("sandbox-youtube-api-key");
    }

    @Override
    public Optional<String> channelId() {
        return Optional.of("UCclearpostSandbox0000001");
    }

    @Override
    public int maxResults() {
        return 100;
    }

    @Override
    public Duration initialLookback() {
        return Duration.ofDays(7);
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration retryMin() {
        return Duration.ofMillis(200);
    }

    @Override
    public Duration retryMax() {
        return Duration.ofSeconds(2);
    }
}
