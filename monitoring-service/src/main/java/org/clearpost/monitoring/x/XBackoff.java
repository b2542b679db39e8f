package org.clearpost.monitoring.x;

import java.time.Duration;
import java.time.Instant;

/**
 * X's reconnection rules (docs.x.com, "Handling disconnections"): after an established stream drops, reconnect at
 * once; if that fails, back off linearly for network errors (+250 ms an attempt, up to 16 s), exponentially for HTTP
 * errors (5 s doubling, up to 320 s) and exponentially from a minute for 429. A successful connection starts over.
 * Not thread-safe: one per intake run.
 */
final class XBackoff {

    enum Failure {
        NETWORK, HTTP, RATE_LIMITED
    }

    private final XConfig config;
    private int network;
    private int http;
    private int rateLimited;

    XBackoff(XConfig config) {
        this.config = config;
    }

    /** The wait before the next attempt after {@code failure}. */
    Duration next(Failure failure) {
        return switch (failure) {
            case NETWORK -> min(config.networkBackoffStep().multipliedBy(++network), config.networkBackoffMax());
            case HTTP -> doubled(config.httpBackoffInitial(), ++http, config.httpBackoffMax());
            case RATE_LIMITED -> doubled(config.rateLimitBackoffInitial(), ++rateLimited,
                    config.rateLimitBackoffMax());
        };
    }

    /**
     * The wait after a 429: the exponential wait, or until the window resets when X says none is left in it
     * ({@code x-rate-limit-remaining: 0} and {@code x-rate-limit-reset}), whichever is longer.
     */
    Duration rateLimited(Integer remaining, Long resetEpochSeconds, Instant now) {
        Duration wait = next(Failure.RATE_LIMITED);
        if (remaining != null && remaining == 0 && resetEpochSeconds != null) {
            Duration untilReset = Duration.between(now, Instant.ofEpochSecond(resetEpochSeconds));
            return untilReset.compareTo(wait) > 0 ? untilReset : wait;
        }
        return wait;
    }

    /** A connection succeeded: every back-off starts from the beginning again. */
    void connected() {
        network = 0;
        http = 0;
        rateLimited = 0;
    }

    private static Duration doubled(Duration initial, int attempt, Duration max) {
        // Past 2^20 the cap has long been reached; stop shifting before the multiplication can overflow.
        Duration wait = initial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return min(wait, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
