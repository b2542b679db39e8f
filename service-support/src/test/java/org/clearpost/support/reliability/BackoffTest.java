package org.clearpost.support.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    @Test
    void doublesUpToTheCapAndStaysThere() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofMillis(6400));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachDelayIsTheCeilingLessAtMostAFifth() {
        for (int retry = 1; retry < 50; retry++) {
            Duration ceiling = backoff.ceiling(retry);
            assertThat(backoff.delay(retry)).isLessThanOrEqualTo(ceiling)
                    .isGreaterThanOrEqualTo(ceiling.minus(ceiling.dividedBy(5)));
        }
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
