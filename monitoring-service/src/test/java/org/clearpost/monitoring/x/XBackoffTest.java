package org.clearpost.monitoring.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.monitoring.x.XBackoff.Failure;
import org.junit.jupiter.api.Test;

/** X's documented reconnection waits, with X's figures (the defaults). */
class XBackoffTest {

    private final XBackoff backoff = new XBackoff(new TestXConfig());

    @Test
    void networkErrorsBackOffLinearlyBy250MsUpTo16s() {
        List<Duration> waits = waits(Failure.NETWORK, 70);
        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(750), Duration.ofMillis(1000));
        assertThat(waits.get(63)).isEqualTo(Duration.ofSeconds(16));
        assertThat(waits.get(69)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void httpErrorsBackOffExponentiallyFrom5sUpTo320s() {
        assertThat(waits(Failure.HTTP, 9)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160),
                Duration.ofSeconds(320), Duration.ofSeconds(320), Duration.ofSeconds(320));
    }

    @Test
    void rateLimitsBackOffExponentiallyFromAMinuteWithoutOverflowing() {
        List<Duration> waits = waits(Failure.RATE_LIMITED, 100);
        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(waits.get(99)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSpentWindowIsWaitedOutWhenLongerThanTheBackoff() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(backoff.rateLimited(0, now.plusSeconds(600).getEpochSecond(), now)).isEqualTo(Duration.ofMinutes(10));
        // TooManyConnections: the window is not spent, so the exponential wait alone (now the second: 2 min)
        assertThat(backoff.rateLimited(40, now.plusSeconds(600).getEpochSecond(), now)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aConnectionStartsEveryBackoffOver() {
        waits(Failure.HTTP, 3);
        waits(Failure.NETWORK, 3);
        backoff.connected();
        assertThat(backoff.next(Failure.HTTP)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.next(Failure.NETWORK)).isEqualTo(Duration.ofMillis(250));
    }

    private List<Duration> waits(Failure failure, int n) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(backoff.next(failure));
        }
        return waits;
    }
}
