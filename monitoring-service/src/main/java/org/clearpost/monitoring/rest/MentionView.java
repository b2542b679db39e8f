package org.clearpost.monitoring.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.monitoring.inbox.Claim;
import org.clearpost.monitoring.inbox.InboxMention;

/**
 * A mention as the inbox shows it (see the README's "Inbox" for every field).
 *
 * @param account        the body's account it names; null when it only matched tracked queries
 * @param matchedQueries the tracked queries it matched when it was stored
 * @param claim          who is answering it and until when; null when nobody is (an expired claim is none)
 * @param overdue        open and past its due time
 */
public record MentionView(UUID id, Network network, String externalId, String account, String authorId,
        String authorName, String authorHandle, String text, String url, String lang, Instant mentionedAt,
        Instant receivedAt, Instant deliveredAt, MentionState status, String stateReason, boolean ownAccount,
        List<UUID> matchedQueries, Double sentimentScore, String sentimentLabel, JsonNode sentimentDrivers,
        JsonNode reasons, String noResponseReason, UUID themeId, MentionPriority priority, List<String> authorLists,
        boolean possibleFoi, Instant foiDueAt, boolean hidden, List<String> hiddenReasons, Instant dueAt,
        Instant overdueAt, boolean overdue, Instant triagedAt, String assignee, List<String> labels, Claim claim,
        UUID replyId, Instant answeredAt) {

    static MentionView of(InboxMention m) {
        return new MentionView(m.id(), m.network(), m.externalId(), m.account(), m.authorId(), m.authorName(),
                m.authorHandle(), m.text(), m.url(), m.lang(), m.mentionedAt(), m.receivedAt(), m.deliveredAt(),
                m.status(), m.stateReason(), m.ownAccount(), m.matchedQueries(), m.sentimentScore(),
                m.sentimentLabel(), m.sentimentDrivers(), m.reasons(), m.noResponseReason(), m.themeId(),
                m.priority(), m.authorLists(), m.possibleFoi(), m.foiDueAt(), m.hidden(), m.hiddenReasons(),
                m.dueAt(), m.overdueAt(), m.overdue(), m.triagedAt(), m.assignee(), m.labels(), m.claim(),
                m.replyId(), m.answeredAt());
    }
}
