package org.clearpost.monitoring.rest;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.Mention;
import org.clearpost.monitoring.domain.MentionStatus;

/** A mention as the inbox shows it. */
public record MentionView(UUID id, Network network, String externalId, String account, String authorId,
        String authorName, String text, String url, Instant mentionedAt, Instant receivedAt, MentionStatus status) {

    static MentionView of(Mention mention) {
        return new MentionView(mention.id, mention.network, mention.externalId, mention.account, mention.authorId,
                mention.authorName, mention.text, mention.url, mention.mentionedAt, mention.receivedAt,
                mention.status);
    }
}
