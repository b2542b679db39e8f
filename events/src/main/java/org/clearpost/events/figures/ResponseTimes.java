package org.clearpost.events.figures;

import java.time.Instant;
import java.time.LocalDate;

/**
 * First-response time per ISO week (Monday, London, of the answer) and network ({@code ALL} for every network):
 * business time as monitoring measured it ({@code MentionAnswered}), and wall-clock.
 *
 * @param digest business seconds as a base64 t-digest, mergeable across weeks and networks
 */
public record ResponseTimes(LocalDate weekStart, String network, long answered, long withinSla,
        Percentiles businessSeconds, Percentiles wallClockSeconds, String digest, Instant asOf) implements Figure {

    @Override
    public String key() {
        return Figure.key(weekStart, network);
    }
}
