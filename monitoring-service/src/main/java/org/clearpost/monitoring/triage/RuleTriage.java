package org.clearpost.monitoring.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.sla.DueTimes;
import org.clearpost.monitoring.theme.ThemeMembership;

/** SEAM SKELETON (issue 11): the triage helper replaces this body with the real rules. */
@ApplicationScoped
public class RuleTriage implements Triage {

    private final DueTimes dueTimes;

    public RuleTriage(DueTimes dueTimes) {
        this.dueTimes = dueTimes;
    }

    @Override
    public Assessment assess(NormalisedMention mention, String account, List<UUID> matchedQueries) {
        return new Assessment(new MentionTriaged.Sentiment(0, "NEUTRAL", List.of()), List.of(), List.of(), false,
                List.of());
    }

    @Override
    public TriageOutcome complete(Assessment assessment, ThemeMembership theme, Instant receivedAt) {
        MentionPriority priority = MentionPriority.LOW;
        return new TriageOutcome(assessment.sentiment(), assessment.reasons(), "no rule applies", theme.themeId(),
                priority, assessment.authorLists(), assessment.possibleFoi(),
                assessment.possibleFoi() ? dueTimes.foiDue(receivedAt) : null, !assessment.hiddenReasons().isEmpty(),
                assessment.hiddenReasons(), MentionState.NO_RESPONSE_NEEDED, null);
    }
}
