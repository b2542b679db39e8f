package org.clearpost.monitoring.mastodon;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A {@link MastodonConfig} for plain JUnit tests: the defaults, with the base URL, token and timings given. */
record TestMastodonConfig(URI base, String token, Duration heartbeatTimeout, int pageSize) implements MastodonConfig {

    @Override
    public Optional<URI> baseUrl() {
        return Optional.ofNullable(base);
    }

    @Override
    public Optional<String> userToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String account() {
        return "clearpost";
    }

    @Override
    public String streamPath() {
        return "/api/v1/streaming/user/notification";
    }

    @Override
    public Duration reconnectMin() {
        return Duration.ofMillis(100);
    }

    @Override
    public Duration reconnectMax() {
        return Duration.ofSeconds(2);
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Duration batchLinger() {
        return Duration.ofMillis(20);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(10);
    }
}
