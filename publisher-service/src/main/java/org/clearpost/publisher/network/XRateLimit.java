package org.clearpost.publisher.network;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * X's rate-limit headers: {@code x-rate-limit-remaining} calls are left in the window that ends at
 * {@code x-rate-limit-reset} (epoch seconds). X sends no Retry-After; when nothing is left, the account waits for the
 * reset.
 */
public final class XRateLimit {

    static final String REMAINING = "x-rate-limit-remaining";
    static final String RESET = "x-rate-limit-reset";

    private XRateLimit() {
    }

    /** The reset time when the account has no calls left; empty while it has, or when X did not say. */
    public static Optional<Instant> pausedUntil(HttpHeaders headers) {
        return pausedUntil(headers.firstValue(REMAINING), headers.firstValue(RESET));
    }

    static Optional<Instant> pausedUntil(Optional<String> remaining, Optional<String> reset) {
        if (remaining.flatMap(XRateLimit::number).filter(r -> r <= 0).isEmpty()) {
            return Optional.empty();
        }
        return reset.flatMap(XRateLimit::number).map(Instant::ofEpochSecond);
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
