package org.clearpost.monitoring.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;

/**
 * A mention as the inbox keeps it: what the network said, what triage decided, and how it is being worked.
 *
 * @param sentimentDrivers as triage stored them ({@code [{"term", "valence"}]})
 * @param reasons          the policy 4.1 reasons as triage stored them ({@code [{"reason", "rule", "why"}]})
 * @param claim            the live claim, or null; a claim past its expiry reads as none (it is free)
 * @param overdue          open (NEW, ASSIGNED) and past its due time, or marked overdue by the SLA sweep
 */
public record InboxMention(UUID id, Network network, String externalId, String account, String authorId,
        String authorName, String authorHandle, String text, String url, String lang, Instant mentionedAt,
        Instant receivedAt, Instant deliveredAt, MentionState status, String stateReason, boolean ownAccount,
        List<UUID> matchedQueries, Double sentimentScore, String sentimentLabel, JsonNode sentimentDrivers,
        JsonNode reasons, String noResponseReason, UUID themeId, MentionPriority priority, List<String> authorLists,
        boolean possibleFoi, Instant foiDueAt, boolean hidden, List<String> hiddenReasons, Instant dueAt,
        Instant overdueAt, boolean overdue, Instant triagedAt, String assignee, List<String> labels, Claim claim,
        UUID replyId, Instant answeredAt) {

    /** Whether the mention is still to be answered (the SLA clock runs). */
    public boolean open() {
        return status == MentionState.NEW || status == MentionState.ASSIGNED;
    }
}
