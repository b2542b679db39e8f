package org.clearpost.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(3, Duration.ofMinutes(15), clock);

    @Test
    void remainingCountsDownAndTheCallPastTheLimitIsRefused() {
        long reset = clock.now.plus(Duration.ofMinutes(15)).getEpochSecond();

        assertThat(limiter.acquire("a")).isEqualTo(new FixedWindowRateLimiter.Decision(true, 3, 1, 2, reset));
        assertThat(limiter.acquire("a").remaining()).isEqualTo(1);
        assertThat(limiter.acquire("a").remaining()).isZero();
        FixedWindowRateLimiter.Decision refused = limiter.acquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetEpochSeconds()).isEqualTo(reset);
    }

    @Test
    void theWindowDoesNotSlideWithEachCall() {
        limiter.acquire("a");
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        // Still the window opened by the first call: it resets 15 minutes after that call, not this one.
        assertThat(limiter.acquire("a").resetEpochSeconds())
                .isEqualTo(clock.now.minus(Duration.ofMinutes(10)).plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    @Test
    void aNewWindowOpensAtTheReset() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        FixedWindowRateLimiter.Decision d = limiter.acquire("a");
        assertThat(d.allowed()).isTrue();
        assertThat(d.remaining()).isEqualTo(2);
        assertThat(d.resetEpochSeconds()).isEqualTo(clock.now.plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    @Test
    void keysAreCountedApartAndResetForgetsThemAll() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("b").allowed()).isTrue();
        limiter.reset();
        assertThat(limiter.acquire("a").remaining()).isEqualTo(2);
    }

    @Test
    void refusesANonsenseLimit() {
        assertThatThrownBy(() -> new FixedWindowRateLimiter(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
