package org.clearpost.clearance.notification;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.config.NotificationsConfig;
import org.clearpost.events.ClearanceOverdue;

/**
 * The notification outbox: overdue notices are queued in the overdue scan's transaction and handed out to the
 * sender in small claimed batches, each delivery's outcome recorded in a transaction of its own.
 */
@ApplicationScoped
public class OverdueNotifications {

    /** Hibernate's lock timeout meaning SKIP LOCKED: two instances never claim the same notification. */
    private static final int SKIP_LOCKED = -2;
    private static final DateTimeFormatter LONDON = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.UK);
    private static final int EXCERPT = 280;

    private final NotificationsConfig config;
    private final Clock clock;

    public OverdueNotifications(NotificationsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What the sender needs to deliver one notification, read out of its claiming transaction. */
    public record Delivery(UUID id, OverdueNotification.Channel channel, String recipient, String subject,
            String body) {
    }

    /**
     * Queues the notices the overdue case's route asks for (its own e-mail addresses and webhook, or else the
     * defaults). In the caller's transaction: a notice exists exactly when the case was marked overdue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(ClearanceOverdue overdue, String author, String text) {
        Optional<NotificationsConfig.Channels> own = config.routes().of(overdue.route());
        List<String> emails = own.flatMap(NotificationsConfig.Channels::email).or(config::email).orElse(List.of())
                .stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        Optional<URI> webhook = own.flatMap(NotificationsConfig.Channels::webhook).or(config::webhook);
        String subject = "Overdue for clearance: case " + overdue.caseId() + " on the " + overdue.route()
                + " route, due " + LONDON.format(overdue.dueAt().atZone(OfficeHours.LONDON)) + " London time";
        String body = body(overdue, author, text);
        Instant now = clock.instant();
        if (!emails.isEmpty()) {
            OverdueNotification.of(overdue.caseId(), overdue.postId(), overdue.route(),
                    OverdueNotification.Channel.EMAIL, String.join(",", emails), subject, body, now).persist();
        }
        webhook.ifPresent(url -> OverdueNotification.of(overdue.caseId(), overdue.postId(), overdue.route(),
                OverdueNotification.Channel.WEBHOOK, url.toString(), subject, subject + "\n\n" + body, now)
                .persist());
    }

    /**
     * Claims up to {@code size} notifications due for (another) attempt. A claimed one is not handed out again
     * before {@code lease} has passed, so a sender that dies mid-delivery delays it but does not lose it.
     */
    @Transactional
    public List<Delivery> claim(int size, Duration lease) {
        Instant now = clock.instant();
        List<OverdueNotification> due = OverdueNotification.<OverdueNotification>find(
                "sentAt is null and nextAttemptAt <= ?1", Sort.ascending("nextAttemptAt"), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(Page.ofSize(size)).list();
        due.forEach(n -> n.nextAttemptAt = now.plus(lease));
        return due.stream().map(n -> new Delivery(n.id, n.channel, n.recipient, n.subject, n.body)).toList();
    }

    @Transactional
    public void delivered(UUID id) {
        OverdueNotification.<OverdueNotification>findByIdOptional(id).ifPresent(n -> n.sent(clock.instant()));
    }

    @Transactional
    public void failed(UUID id, String error) {
        OverdueNotification.<OverdueNotification>findByIdOptional(id).ifPresent(n -> n.failed(error, clock.instant(),
                config.retryDelay(), config.maxRetryDelay()));
    }

    private String body(ClearanceOverdue overdue, String author, String text) {
        StringBuilder body = new StringBuilder()
                .append("A post has waited past its due time for a clearance decision.\n\n")
                .append("Case: ").append(overdue.caseId()).append('\n')
                .append("Route: ").append(overdue.route()).append('\n')
                .append("Due: ").append(LONDON.format(overdue.dueAt().atZone(OfficeHours.LONDON)))
                .append(" London time (").append(overdue.dueAt()).append(")\n")
                .append("Post: ").append(overdue.postId()).append(", version ").append(overdue.version());
        if (author != null) {
            body.append(", by ").append(author);
        }
        body.append('\n').append("Leads: ").append(String.join(", ", overdue.notifiedLeads())).append('\n');
        if (text != null && !text.isBlank()) {
            body.append("Text: ").append(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text)
                    .append('\n');
        }
        config.caseLinkBase().ifPresent(base -> body.append("Open: ")
                .append(base.endsWith("/") ? base : base + "/").append("clearances/").append(overdue.caseId())
                .append('\n'));
        return body.toString();
    }
}
