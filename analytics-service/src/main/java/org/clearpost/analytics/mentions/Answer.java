package org.clearpost.analytics.mentions;

import java.time.LocalDate;
import org.clearpost.events.figures.Figure;

/** One first response, for one response-times row (its network's, or {@code ALL}). */
record Answer(LocalDate weekStart, String network, long businessSeconds, long wallClockSeconds, boolean withinSla) {

    String key() {
        return Figure.key(weekStart, network);
    }
}
