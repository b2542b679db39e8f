package org.clearpost.support.reliability;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with a cap: first, 2×first, 4×first … up to max, then max for ever. Up to a fifth is taken off
 * at random so that the consumers of several services do not all hit a database that has just come back at once.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The longest wait before retry number {@code retry} (1 for the first retry). */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1");
        }
        long wait = first.toMillis();
        long cap = max.toMillis();
        for (int i = 1; i < retry && wait < cap; i++) {
            wait = Math.min(cap, wait * 2);
        }
        return Duration.ofMillis(wait);
    }

    /** The wait before retry number {@code retry}: the ceiling less up to a fifth of it. */
    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling - ThreadLocalRandom.current().nextLong(ceiling / 5 + 1));
    }
}
