package org.clearpost.events.figures;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How long clearance took per route and ISO week (weeks start on Monday, London time, of the decision), from
 * submission to the decision (cleared, rejected or sent back): in business time (office hours, no weekends or bank
 * holidays, from {@code business-calendar}) and wall-clock time; and how many cases of the route went overdue that
 * week.
 *
 * @param digest the business-seconds t-digest, base64 ({@code MergingDigest.asSmallBytes}), so weeks can be merged
 *               into a longer period without losing the percentiles
 * @param wallClockDigest the same for wall-clock seconds
 */
public record ClearanceTurnaround(String route, LocalDate weekStart, long decisions, long cleared, long rejected,
        long changesRequested, long overdue, Percentiles businessSeconds, Percentiles wallClockSeconds, String digest,
        String wallClockDigest, Instant asOf) implements Figure {

    @Override
    public String key() {
        return Figure.key(route, weekStart);
    }
}
