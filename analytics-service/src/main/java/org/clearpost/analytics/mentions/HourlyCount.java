package org.clearpost.analytics.mentions;

import java.time.Instant;
import org.clearpost.events.figures.Figure;

/** One mention counted in one (hour, dimension, value) row: what the bucketing step sends to the counting step. */
record HourlyCount(Instant hourStart, String dimension, String value) {

    String key() {
        return Figure.key(hourStart, dimension, value);
    }
}
