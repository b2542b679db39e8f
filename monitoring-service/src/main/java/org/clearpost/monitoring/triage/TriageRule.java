package org.clearpost.monitoring.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.TrackedQueryDefined.Purpose;

/**
 * A configured policy 4.1 rule: the mention has {@code reason} when every condition given holds (an empty list or
 * null means "any").
 *
 * @param queryIds         it matched one of these tracked queries
 * @param purposes         it matched a tracked query with one of these purposes (BODY, HEAD, ...)
 * @param terms            its text matches this, in the tracked-query language
 * @param sentimentAtMost  its compound sentiment is at most this (e.g. -0.5)
 * @param sentimentAtLeast its compound sentiment is at least this
 * @param authorLists      its author is on one of these lists (journalist, critic, ...)
 */
public record TriageRule(UUID id, ResponseReason reason, String name, List<UUID> queryIds, List<Purpose> purposes,
        String terms, Double sentimentAtMost, Double sentimentAtLeast, List<String> authorLists, boolean active,
        String changedBy, Instant changedAt) {

    public TriageRule {
        queryIds = queryIds == null ? List.of() : List.copyOf(queryIds);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        authorLists = authorLists == null ? List.of() : List.copyOf(authorLists);
    }
}
