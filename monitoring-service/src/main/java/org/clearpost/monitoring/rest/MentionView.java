package org.clearpost.monitoring.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.Mention;
import org.clearpost.events.MentionState;

/**
 * A mention as the inbox shows it.
 *
 * @param account        the body's account it names; null when it only matched tracked queries
 * @param ownAccount     whether it names one of the body's own accounts
 * @param matchedQueries the tracked queries it matched when it was stored
 * @param deliveredAt    when the network delivered it (null for mentions stored before the pipeline)
 */
public record MentionView(UUID id, Network network, String externalId, String account, String authorId,
        String authorName, String text, String url, Instant mentionedAt, Instant receivedAt, MentionState status,
        boolean ownAccount, List<UUID> matchedQueries, Instant deliveredAt) {

    static MentionView of(Mention mention) {
        return new MentionView(mention.id, mention.network, mention.externalId, mention.account, mention.authorId,
                mention.authorName, mention.text, mention.url, mention.mentionedAt, mention.receivedAt,
                mention.status, mention.ownAccount,
                mention.matchedQueries == null ? List.of() : Arrays.asList(mention.matchedQueries),
                mention.deliveredAt);
    }
}
