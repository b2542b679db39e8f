package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead created or changed a policy 4.1 triage rule: a mention gets {@code reason} when every condition given holds
 * (an empty list or null means "any"). The latest definition of each rule is in force until it is deleted.
 *
 * @param terms            text the mention must match, in the tracked-query language, else null
 * @param sentimentAtMost  the mention's compound sentiment is at most this, else null
 * @param sentimentAtLeast the mention's compound sentiment is at least this, else null
 * @param authorLists      the mention's author is on one of these lists (journalist, critic, ...)
 * @param active           false: kept, but not applied
 */
public record TriageRuleDefined(UUID ruleId, ResponseReason reason, String name, List<UUID> queryIds,
        List<TrackedQueryDefined.Purpose> purposes, String terms, Double sentimentAtMost, Double sentimentAtLeast,
        List<String> authorLists, boolean active, String definedBy, Instant definedAt) implements ClearpostEvent {

    public TriageRuleDefined {
        queryIds = queryIds == null ? List.of() : List.copyOf(queryIds);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        authorLists = authorLists == null ? List.of() : List.copyOf(authorLists);
    }

    @Override
    public String aggregateId() {
        return ruleId.toString();
    }
}
