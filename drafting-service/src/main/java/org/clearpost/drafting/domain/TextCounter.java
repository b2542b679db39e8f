package org.clearpost.drafting.domain;

import java.util.UUID;
import org.clearpost.drafting.domain.rules.TextMeasure;

/**
 * A composer's counter for one text of one target: the network's own count of what that target will publish there
 * (the rendered text, so tagged links count as they will go out) against the network's limit.
 *
 * @param field the same JSON path as a {@link ContentIssue}'s: {@code targets[0].text},
 *        {@code targets[0].threadParts[1]}, {@code targets[0].firstComment}, {@code targets[0].title}
 * @param over whether {@code used} is past {@code limit}: the text has a {@code TOO_LONG} or {@code TOO_MANY_BYTES}
 *        problem at the same field
 */
public record TextCounter(UUID targetId, String field, long used, int limit, String unit, boolean over) {

    static TextCounter of(UUID targetId, String field, TextMeasure measure) {
        return new TextCounter(targetId, field, measure.used(), measure.limit(), measure.unit(), measure.over());
    }
}
