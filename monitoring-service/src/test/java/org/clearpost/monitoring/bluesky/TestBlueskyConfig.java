package org.clearpost.monitoring.bluesky;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Intake settings pointing at a running sandbox, with short times so the tests run in seconds. */
record TestBlueskyConfig(URI sandbox, Duration lookback) implements BlueskyConfig {

    static final String ACCOUNT = "did:plc:clearpostsandboxbody2acc";

    @Override
    public Optional<URI> jetstreamUrl() {
        return Optional.of(URI.create(sandbox.toString().replaceFirst("^http", "ws") + "/subscribe"));
    }

    @Override
    public Optional<List<String>> accountDids() {
        return Optional.of(List.of(ACCOUNT));
    }

    @Override
    public Optional<URI> serviceUrl() {
        return Optional.of(sandbox);
    }

    @Override
    public Optional<String> identifier() {
        return Optional.of("clearpost-sandbox.bsky.social");
    }

    @Override
    public Optional<String> appPassword() {
        return Optional.of("sandbox-app-password");
    }

    @Override
    public Duration rewind() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration jetstreamLookback() {
        return lookback;
    }

    @Override
    public Duration silenceTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration reconnectMinBackoff() {
        return Duration.ofMillis(200);
    }

    @Override
    public Duration reconnectMaxBackoff() {
        return Duration.ofSeconds(2);
    }

    @Override
    public int batchSize() {
        return 200;
    }

    @Override
    public Duration batchLinger() {
        return Duration.ofMillis(50);
    }
}
