package org.clearpost.monitoring.domain;

import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;

/**
 * A mention as the pipeline understands it, whatever network it came from: what queries are matched against and what
 * is stored. Built by each network's {@code MentionNormaliser} from a raw item.
 *
 * @param externalId       the network's id of this version of the item (dedupe key with {@code network})
 * @param aliasIds         other ids of the same item that must count as the same mention (X: every id in
 *                         {@code edit_history_tweet_ids}; Bluesky: the at-uri + cid of an earlier version); may be empty
 * @param account          the body's account it mentions or replies to, if any (null when it only matched a query)
 * @param authorHandle     the author's handle without the network's prefix (for {@code author:})
 * @param lang             BCP 47 language tag as the network gives it, or null
 * @param hashtags         hashtags without '#', as the network marks them (or as found in the text)
 * @param mentionedHandles accounts it mentions (handles or ids as the network gives them)
 * @param deliveredAt      when the network delivered it to Clearpost
 */
public record NormalisedMention(Network network, String externalId, List<String> aliasIds, String account,
        String authorId, String authorHandle, String authorName, String text, String url, String lang,
        List<String> hashtags, List<String> mentionedHandles, Instant mentionedAt, Instant deliveredAt) {

    public NormalisedMention {
        aliasIds = aliasIds == null ? List.of() : List.copyOf(aliasIds);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentionedHandles = mentionedHandles == null ? List.of() : List.copyOf(mentionedHandles);
    }
}
