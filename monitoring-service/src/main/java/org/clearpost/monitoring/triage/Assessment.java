package org.clearpost.monitoring.triage;

import java.util.List;
import org.clearpost.events.MentionTriaged;

/**
 * What triage can tell from one mention alone (see {@link Triage#assess}); the pipeline carries it, unread, to
 * {@link Triage#complete}.
 *
 * @param reasons       the 4.1 reasons found from the text, queries and sentiment (not yet the repeated theme)
 * @param authorLists   the monitors' author lists (journalist, critic, ...) the author is on
 * @param hiddenReasons the spam and abuse rules that matched (empty: shown)
 */
public record Assessment(MentionTriaged.Sentiment sentiment, List<MentionTriaged.Reason> reasons,
        List<String> authorLists, boolean possibleFoi, List<String> hiddenReasons) {

    public Assessment {
        reasons = List.copyOf(reasons);
        authorLists = List.copyOf(authorLists);
        hiddenReasons = List.copyOf(hiddenReasons);
    }
}
