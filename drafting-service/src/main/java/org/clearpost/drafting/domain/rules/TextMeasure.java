package org.clearpost.drafting.domain.rules;

import org.clearpost.events.Network;

/**
 * A text counted the way its network counts it, against that network's limit: what a composer's counter shows. The
 * same count as the rule that reports {@link TextProblem.Code#TOO_LONG} or {@link TextProblem.Code#TOO_MANY_BYTES}
 * (each rule computes both from one tally), so the counter and the problem never disagree.
 *
 * @param used  the network's count of the text (X's weighted length, Bluesky's graphemes, ...)
 * @param limit the most the network takes, in the same unit
 * @param unit  what is counted, for people ("weighted characters", "bytes (UTF-8)", ...)
 */
public record TextMeasure(Network network, TextProblem.Field field, long used, int limit, String unit) {

    public boolean over() {
        return used > limit;
    }
}
