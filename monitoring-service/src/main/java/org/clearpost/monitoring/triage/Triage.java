package org.clearpost.monitoring.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.theme.ThemeMembership;

/**
 * Triage of every mention (policy 4.1, 1.4, 1.7), in two steps so the pipeline keeps its batch shape: {@link #assess}
 * is pure CPU on one mention (sentiment, the reasons that depend on the text, author lists, FOI, spam and abuse) and
 * runs before the batch's database transaction; {@link #complete} adds what needs the batch's theme assignment
 * (the repeated-theme reason, priority, due time) inside it.
 */
public interface Triage {

    /**
     * @param account        the body's own account the mention names, else null
     * @param matchedQueries the tracked queries it matched
     */
    Assessment assess(NormalisedMention mention, String account, List<UUID> matchedQueries);

    /** @param theme the theme the mention joined in this batch ({@link ThemeMembership#NONE} if none) */
    TriageOutcome complete(Assessment assessment, ThemeMembership theme, Instant receivedAt);
}
