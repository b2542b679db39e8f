package org.clearpost.publisher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(policy.nextAttempt(1, NOW, null)).isEqualTo(NOW.plusSeconds(10));
        assertThat(policy.nextAttempt(2, NOW, null)).isEqualTo(NOW.plusSeconds(20));
        assertThat(policy.nextAttempt(3, NOW, null)).isEqualTo(NOW.plusSeconds(40));
        assertThat(policy.nextAttempt(4, NOW, null)).isEqualTo(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(60, NOW, null)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void neverTriesBeforeTheNetworkSaidTheAccountCanPostAgain() {
        Instant reset = NOW.plus(Duration.ofMinutes(12));

        assertThat(policy.nextAttempt(1, NOW, reset)).isEqualTo(reset);
    }

    @Test
    void aResetSoonerThanTheBackoffDoesNotShortenIt() {
        assertThat(policy.nextAttempt(1, NOW, NOW.plusSeconds(2))).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    @Test
    void refusesASettingThatMakesNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
