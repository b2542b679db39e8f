package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** Someone mentioned or replied to one of the body's accounts on a network. */
public record MentionReceived(UUID mentionId, Network network, String externalId, String account,
        String authorId, String authorName, String text, String url, Instant mentionedAt, Instant receivedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
