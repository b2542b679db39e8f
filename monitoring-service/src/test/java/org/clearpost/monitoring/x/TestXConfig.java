package org.clearpost.monitoring.x;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** X's documented defaults, as XConfig's @WithDefault values say, for plain unit tests. */
class TestXConfig implements XConfig {

    List<String> ownIds = List.of("1500000000000000001");
    List<String> ownHandles = List.of("ClearPost_Demo");

    @Override
    public Optional<URI> baseUrl() {
        return Optional.of(URI.create("http://localhost:1"));
    }

    @Override
    public Optional<String> bearerToken() {
        return Optional.of("token");
    }

    @Override
    public Optional<List<String>> ownAccountIds() {
        return Optional.of(ownIds);
    }

    @Override
    public Optional<List<String>> ownHandles() {
        return Optional.of(ownHandles);
    }

    @Override
    public Optional<String> query() {
        return Optional.empty();
    }

    @Override
    public Duration keepAliveTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public Duration networkBackoffStep() {
        return Duration.ofMillis(250);
    }

    @Override
    public Duration networkBackoffMax() {
        return Duration.ofSeconds(16);
    }

    @Override
    public Duration httpBackoffInitial() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration httpBackoffMax() {
        return Duration.ofSeconds(320);
    }

    @Override
    public Duration rateLimitBackoffInitial() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration rateLimitBackoffMax() {
        return Duration.ofMinutes(15);
    }

    @Override
    public int batchSize() {
        return 2000;
    }

    @Override
    public Duration batchLinger() {
        return Duration.ofMillis(50);
    }

    @Override
    public Duration gapOverlap() {
        return Duration.ofSeconds(10);
    }

    @Override
    public int pageSize() {
        return 100;
    }

    @Override
    public Duration timelinePollInterval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public int bufferedLines() {
        return 100_000;
    }
}
