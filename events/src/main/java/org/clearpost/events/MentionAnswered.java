package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The body's reply to a mention is live on the network: the mention is ANSWERED. Carries the first-response time,
 * in business hours (office hours, no weekends or bank holidays) and in wall-clock time, for analytics.
 *
 * @param replyPostId                 drafting's post that answered it
 * @param dueAt                       when the response was due (null if it had no due time)
 * @param firstResponseBusinessSeconds business time from receipt to the reply going live
 * @param firstResponseSeconds        wall-clock time from receipt to the reply going live
 * @param withinSla                   answered by {@code dueAt} (true when it had no due time)
 */
public record MentionAnswered(UUID mentionId, Network network, UUID replyPostId, String replyExternalId,
        String replyUrl, UUID themeId, Instant receivedAt, Instant dueAt, Instant answeredAt,
        long firstResponseBusinessSeconds, long firstResponseSeconds, boolean withinSla) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
