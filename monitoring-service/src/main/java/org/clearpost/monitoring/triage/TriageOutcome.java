package org.clearpost.monitoring.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;

/**
 * Everything triage decided for one mention: stored on its row by the pipeline and sent as {@code MentionTriaged}.
 *
 * @param state NEW when a response is needed, NO_RESPONSE_NEEDED (with {@code noResponseReason}) when not
 * @param dueAt the business-hours due time when a response is needed, else null
 */
public record TriageOutcome(MentionTriaged.Sentiment sentiment, List<MentionTriaged.Reason> reasons,
        String noResponseReason, UUID themeId, MentionPriority priority, List<String> authorLists,
        boolean possibleFoi, Instant foiDueAt, boolean hidden, List<String> hiddenReasons, MentionState state,
        Instant dueAt) {

    public TriageOutcome {
        reasons = List.copyOf(reasons);
        authorLists = List.copyOf(authorLists);
        hiddenReasons = List.copyOf(hiddenReasons);
    }

    public MentionTriaged event(UUID mentionId, Network network, Instant triagedAt) {
        return new MentionTriaged(mentionId, network, sentiment, reasons, noResponseReason, themeId, priority,
                authorLists, possibleFoi, foiDueAt, hidden, hiddenReasons, state, dueAt, triagedAt);
    }
}
