package org.clearpost.clearance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OverdueNotificationTest {

    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void backoffDoublesFromTheFirstDelayUpToTheCap() {
        assertThat(OverdueNotification.backoff(1, FIRST, MAX)).isEqualTo(FIRST);
        assertThat(OverdueNotification.backoff(2, FIRST, MAX)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OverdueNotification.backoff(4, FIRST, MAX)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OverdueNotification.backoff(50, FIRST, MAX)).isEqualTo(MAX);
    }

    @Test
    void aFailedDeliveryIsKeptWithItsErrorAndTriedAgainLaterNeverDropped() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        OverdueNotification n = OverdueNotification.of(UUID.randomUUID(), UUID.randomUUID(), "normal",
                OverdueNotification.Channel.WEBHOOK, "http://chat.example/hook", "Overdue", "Body", now);

        for (int i = 0; i < 30; i++) {
            n.failed("connection refused", now, FIRST, MAX);
        }

        assertThat(n.sentAt).isNull();
        assertThat(n.attempts).isEqualTo(30);
        assertThat(n.lastError).isEqualTo("connection refused");
        assertThat(n.nextAttemptAt).isEqualTo(now.plus(MAX));
        n.sent(now.plusSeconds(1));
        assertThat(n.sentAt).isEqualTo(now.plusSeconds(1));
        assertThat(n.lastError).isNull();
    }
}
