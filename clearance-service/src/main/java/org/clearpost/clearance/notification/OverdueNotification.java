package org.clearpost.clearance.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One message to deliver about an overdue case, on one channel; kept after delivery, for the record. */
@Entity
@Table(name = "overdue_notification")
public class OverdueNotification extends PanacheEntityBase {

    public enum Channel { EMAIL, WEBHOOK }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "post_id")
    public UUID postId;

    public String route;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** Comma-separated addresses for e-mail, the URL for a webhook. */
    public String recipient;

    public String subject;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    protected OverdueNotification() {
    }

    static OverdueNotification of(UUID caseId, UUID postId, String route, Channel channel, String recipient,
            String subject, String body, Instant now) {
        OverdueNotification n = new OverdueNotification();
        n.id = UUID.randomUUID();
        n.caseId = caseId;
        n.postId = postId;
        n.route = route;
        n.channel = channel;
        n.recipient = recipient;
        n.subject = subject;
        n.body = body;
        n.createdAt = now;
        n.nextAttemptAt = now;
        return n;
    }

    void sent(Instant now) {
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** Tries again after {@code first}, doubled for each earlier failure, at most {@code max}; never gives up. */
    void failed(String error, Instant now, Duration first, Duration max) {
        attempts++;
        lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        nextAttemptAt = now.plus(backoff(attempts, first, max));
    }

    static Duration backoff(int failures, Duration first, Duration max) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
