package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Monitoring triaged a mention as it stored it (sent in the same Kafka transaction as its {@code MentionReceived}):
 * every outcome with what drove it, so a person can see why.
 *
 * @param sentiment        the lexicon score and the words that drove it
 * @param reasons          the policy 4.1 reasons that apply, each with why; empty when no response is needed
 * @param noResponseReason why no response is needed (only when {@code reasons} is empty)
 * @param themeId          the repeated theme it joined, else null
 * @param authorLists      the monitors' lists its author is on (e.g. "journalist", "critic"), for priority
 * @param possibleFoi      it reads like a request for information (FOIA s.8: a name, an address for correspondence,
 *                         a description of the information)
 * @param foiDueAt         20 working days from the working day after receipt, when {@code possibleFoi}
 * @param hidden           spam or abuse: hidden from the default inbox view (never deleted)
 * @param hiddenReasons    which spam or abuse rules matched
 * @param state            the state triage left it in: NEW, or NO_RESPONSE_NEEDED
 * @param dueAt            when a response is due in business hours (by priority), when a response is needed
 */
public record MentionTriaged(UUID mentionId, Network network, Sentiment sentiment, List<Reason> reasons,
        String noResponseReason, UUID themeId, MentionPriority priority, List<String> authorLists,
        boolean possibleFoi, Instant foiDueAt, boolean hidden, List<String> hiddenReasons, MentionState state,
        Instant dueAt, Instant triagedAt) implements ClearpostEvent {

    public MentionTriaged {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        authorLists = authorLists == null ? List.of() : List.copyOf(authorLists);
        hiddenReasons = hiddenReasons == null ? List.of() : List.copyOf(hiddenReasons);
    }

    /**
     * @param score   VADER's compound score, -1 (most negative) to 1 (most positive)
     * @param label   NEGATIVE (score ≤ -0.05), POSITIVE (≥ 0.05) or NEUTRAL
     * @param drivers the words (or emoticons, phrases) that moved the score, with their valence after the rules
     */
    public record Sentiment(double score, String label, List<Driver> drivers) {
        public Sentiment {
            drivers = drivers == null ? List.of() : List.copyOf(drivers);
        }
    }

    public record Driver(String term, double valence) {
    }

    /** @param rule the configured rule that found it; {@code why} says what matched */
    public record Reason(ResponseReason reason, String rule, String why) {
    }

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
