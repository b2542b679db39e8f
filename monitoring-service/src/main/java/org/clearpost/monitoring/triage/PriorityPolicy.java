package org.clearpost.monitoring.triage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.ResponseReason;

/**
 * One small rule of priority. {@link #POLICIES} are asked in order and the first that decides wins; none deciding
 * leaves LOW. The table is in the monitoring README ("Triage").
 */
public interface PriorityPolicy {

    /** What priority is decided from: the outcome of triage so far. */
    record Facts(Set<ResponseReason> reasons, List<String> authorLists, double sentiment, boolean possibleFoi,
            int themeSize, boolean hidden) {
    }

    /** @param why what a person reads: the policy and what made it apply */
    record Decision(MentionPriority priority, String why) {
    }

    Optional<Decision> decide(Facts facts);

    /** Spam and abuse are not answered: nothing else counts. */
    PriorityPolicy HIDDEN = facts -> facts.hidden()
            ? Optional.of(new Decision(MentionPriority.LOW, "hidden as spam or abuse")) : Optional.empty();

    /** A reputation risk raised by someone others listen to (journalist, critic, stakeholder) needs the lead now. */
    static PriorityPolicy influentialReputationRisk(List<String> influentialLists) {
        return facts -> {
            if (!facts.reasons().contains(ResponseReason.REPUTATION_RISK)) {
                return Optional.empty();
            }
            return facts.authorLists().stream().filter(influentialLists::contains).findFirst()
                    .map(list -> new Decision(MentionPriority.CRITICAL, "reputation risk from a " + list));
        };
    }

    /** A reputation risk many people repeat is spreading. */
    PriorityPolicy SPREADING_REPUTATION_RISK = facts -> facts.reasons().contains(ResponseReason.REPUTATION_RISK)
            && facts.reasons().contains(ResponseReason.REPEATED_THEME)
                    ? Optional.of(new Decision(MentionPriority.CRITICAL,
                            "reputation risk repeated by " + facts.themeSize() + " mentions"))
                    : Optional.empty();

    /** A possible FOI request runs a statutory clock. */
    PriorityPolicy POSSIBLE_FOI = facts -> facts.possibleFoi()
            ? Optional.of(new Decision(MentionPriority.HIGH, "possible FOI request (statutory deadline)"))
            : Optional.empty();

    PriorityPolicy REPUTATION_RISK = facts -> facts.reasons().contains(ResponseReason.REPUTATION_RISK)
            ? Optional.of(new Decision(MentionPriority.HIGH, "reputation risk")) : Optional.empty();

    PriorityPolicy REPEATED_THEME = facts -> facts.reasons().contains(ResponseReason.REPEATED_THEME)
            ? Optional.of(new Decision(MentionPriority.MEDIUM, "repeated theme of " + facts.themeSize()
                    + " mentions"))
            : Optional.empty();

    PriorityPolicy AWARENESS = facts -> facts.reasons().contains(ResponseReason.AWARENESS_OPPORTUNITY)
            ? Optional.of(new Decision(MentionPriority.MEDIUM, "awareness opportunity")) : Optional.empty();

    static List<PriorityPolicy> policies(List<String> influentialLists) {
        return List.of(HIDDEN, influentialReputationRisk(influentialLists), SPREADING_REPUTATION_RISK, POSSIBLE_FOI,
                REPUTATION_RISK, REPEATED_THEME, AWARENESS);
    }

    static Decision decide(List<PriorityPolicy> policies, Facts facts) {
        for (PriorityPolicy policy : policies) {
            Optional<Decision> decision = policy.decide(facts);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return new Decision(MentionPriority.LOW, "no priority rule applies");
    }
}
