package org.clearpost.publisher.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When to call a network again after a transient error: exponential backoff from {@code firstDelay}, capped at
 * {@code maxDelay}, never before the network said the account can post again, and not after {@code maxAttempts}.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Need maxAttempts >= 1 and 0 <= firstDelay <= maxDelay");
        }
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /**
     * @param attemptsMade calls made so far, the one that just failed included (1 after the first)
     * @param pausedUntil  when the network said the account may post again; null when it did not say
     */
    public Instant nextAttempt(int attemptsMade, Instant now, Instant pausedUntil) {
        Duration delay = firstDelay;
        for (int i = 1; i < attemptsMade && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        Instant backoff = now.plus(delay.compareTo(maxDelay) < 0 ? delay : maxDelay);
        return pausedUntil != null && pausedUntil.isAfter(backoff) ? pausedUntil : backoff;
    }
}
