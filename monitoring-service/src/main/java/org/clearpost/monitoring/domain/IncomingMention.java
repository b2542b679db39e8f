package org.clearpost.monitoring.domain;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;

/** A mention as a network reported it, before it is known to be new. */
public record IncomingMention(Network network, String externalId, String account, String authorId,
        String authorName, String text, String url, Instant mentionedAt) {

    MentionReceived received(UUID mentionId, Instant receivedAt) {
        return new MentionReceived(mentionId, network, externalId, account, authorId, authorName, text, url,
                mentionedAt, receivedAt);
    }
}
