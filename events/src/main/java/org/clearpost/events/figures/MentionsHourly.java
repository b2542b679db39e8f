package org.clearpost.events.figures;

import java.time.Instant;

/**
 * Mentions per hour (of the time they were written), broken down by one dimension at a time: {@code network},
 * {@code account}, {@code query} (a tracked query id), {@code sentiment} (POSITIVE, NEUTRAL, NEGATIVE) or
 * {@code reason} (a policy 4.1 reason, or NO_RESPONSE_NEEDED). A mention matching two queries counts once for each.
 */
public record MentionsHourly(Instant hourStart, String dimension, String value, long mentions, Instant asOf)
        implements Figure {

    public static final java.util.List<String> DIMENSIONS = java.util.List.of("network", "account", "query",
            "sentiment", "reason");

    @Override
    public String key() {
        return Figure.key(hourStart, dimension, value);
    }
}
