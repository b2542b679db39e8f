package org.clearpost.analytics.posts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The figures' calendar: days and ISO weeks as the office in London sees them (BST and GMT). */
final class London {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The Monday (London) of the ISO week {@code instant} falls in. */
    static LocalDate weekStart(Instant instant) {
        return day(instant).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    static Instant endOfDay(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    static Instant endOfWeek(LocalDate monday) {
        return startOf(monday.plusWeeks(1));
    }
}
