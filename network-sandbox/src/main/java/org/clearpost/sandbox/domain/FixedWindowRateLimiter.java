package org.clearpost.sandbox.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts calls per key in fixed windows that open on a key's first call, as X's 15-minute windows do.
 * Every call is counted, refused ones included, so a client that ignores 429 keeps seeing 429 until the reset.
 */
public final class FixedWindowRateLimiter {

    /** The outcome of one call: what X reports in its x-rate-limit-* headers, plus the raw count. */
    public record Decision(boolean allowed, int limit, int used, int remaining, long resetEpochSeconds) {
    }

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration length;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindowRateLimiter(int limit, Duration length, Clock clock) {
        if (limit < 1 || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("limit must be >= 1 and window positive");
        }
        this.limit = limit;
        this.length = length;
        this.clock = clock;
    }

    /** Counts one call for {@code key} and says whether it fits in the current window. */
    public Decision acquire(String key) {
        Instant now = clock.instant();
        // compute() runs atomically per key, so concurrent calls never lose a count.
        Window w = windows.compute(key, (k, old) -> old == null || !now.isBefore(old.start().plus(length))
                ? new Window(now, 1)
                : new Window(old.start(), old.count() + 1));
        long reset = w.start().plus(length).getEpochSecond();
        return new Decision(w.count() <= limit, limit, w.count(), Math.max(0, limit - w.count()), reset);
    }

    public void reset() {
        windows.clear();
    }
}
