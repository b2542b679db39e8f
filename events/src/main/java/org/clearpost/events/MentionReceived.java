package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone mentioned or replied to one of the body's accounts on a network, or wrote something a tracked query matches.
 *
 * @param account        the body's account it mentions or replies to; null when it only matched tracked queries
 * @param matchedQueries the tracked queries it matched when it was stored (may be empty for an own-account mention)
 * @param ownAccount     whether it mentions or replies to one of the body's own accounts (events written before this
 *                       field existed lack it; they were all own-account mentions)
 * @param deliveredAt    when the network delivered it to Clearpost (null on events written before this field existed)
 */
public record MentionReceived(UUID mentionId, Network network, String externalId, String account,
        String authorId, String authorName, String text, String url, Instant mentionedAt, Instant receivedAt,
        List<UUID> matchedQueries, boolean ownAccount, Instant deliveredAt)
        implements ClearpostEvent {

    public MentionReceived {
        matchedQueries = matchedQueries == null ? List.of() : List.copyOf(matchedQueries);
    }

    /** A mention of one of the body's accounts that matched no tracked query, delivered when it was received. */
    public MentionReceived(UUID mentionId, Network network, String externalId, String account, String authorId,
            String authorName, String text, String url, Instant mentionedAt, Instant receivedAt) {
        this(mentionId, network, externalId, account, authorId, authorName, text, url, mentionedAt, receivedAt,
                List.of(), true, receivedAt);
    }

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
