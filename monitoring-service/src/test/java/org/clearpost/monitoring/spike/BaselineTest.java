package org.clearpost.monitoring.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void aSteadyLevelHasNoDeviationAndAJumpScoresHigh() {
        SpikeDetector.Baseline baseline = new SpikeDetector.Baseline(0, 0, 0);
        for (int i = 0; i < 200; i++) {
            baseline = baseline.next(10, 0.2);
        }
        assertThat(baseline.mean()).isCloseTo(10, within(1e-6));
        assertThat(baseline.variance()).isCloseTo(0, within(1e-6));
        assertThat(baseline.windows()).isEqualTo(200);
        // Deviation floored at 1: 60 mentions over a steady 10 is 50 deviations.
        assertThat(baseline.score(60, 1).score()).isCloseTo(50, within(1e-3));
    }

    @Test
    void aNoisyLevelNeedsMoreToScore() {
        SpikeDetector.Baseline baseline = new SpikeDetector.Baseline(0, 0, 0);
        for (int i = 0; i < 500; i++) {
            baseline = baseline.next(i % 2 == 0 ? 5 : 15, 0.2);
        }
        assertThat(baseline.mean()).isBetween(9.0, 11.0);
        double deviation = Math.sqrt(baseline.variance());
        assertThat(deviation).isBetween(4.0, 6.0);
        assertThat(baseline.score(20, 1).score()).isBetween(1.5, 2.5);
        assertThat(baseline.score(40, 1).score()).isGreaterThan(4);
    }

    @Test
    void windowsAreAlignedOnFiveMinutes() {
        assertThat(WindowCounts.windowStart(Instant.parse("2026-12-02T01:04:59.999Z")))
                .isEqualTo(Instant.parse("2026-12-02T01:00:00Z"));
        assertThat(WindowCounts.windowStart(Instant.parse("2026-12-02T01:05:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T01:05:00Z"));
    }
}
