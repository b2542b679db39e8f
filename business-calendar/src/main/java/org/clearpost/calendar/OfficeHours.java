package org.clearpost.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Weekly opening hours on the wall clock of one zone: open from {@code opens} (inclusive) to {@code closes}
 * (exclusive) on each of {@code days}. Bank holidays are not known here; see {@link BusinessCalendar}.
 *
 * <p>Times are wall-clock times, so 09:00 means 09:00 in London in both GMT and BST.
 */
public record OfficeHours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, ZoneId zone) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final OfficeHours STANDARD = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LONDON);

    public OfficeHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(zone, "zone");
        if (!opens.isBefore(closes)) {
            // Overnight opening would put one window across two dates; nothing here needs it.
            throw new IllegalArgumentException("Office hours must open before they close on the same day: "
                    + opens + "-" + closes);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one open day of the week");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** 09:00–17:00, Monday–Friday, Europe/London: the office hours in which channels are monitored. */
    public static OfficeHours standard() {
        return STANDARD;
    }

    /**
     * Whether {@code instant} falls in opening hours on an open weekday (ignoring bank holidays).
     */
    public boolean isOpen(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return days.contains(date.getDayOfWeek())
                && !instant.isBefore(opening(date))
                && instant.isBefore(closing(date));
    }

    // Each day's window is fixed on the wall clock and only then converted to an instant, so it follows the
    // zone's offset on that date (GMT or BST). A time that falls in a spring-forward gap moves forward by the
    // gap, and one in an autumn overlap takes the earlier offset (java.time's rules); neither can happen for
    // 09:00-17:00 in London, where clocks change at 01:00 UTC.
    Instant opening(LocalDate date) {
        return date.atTime(opens).atZone(zone).toInstant();
    }

    Instant closing(LocalDate date) {
        return date.atTime(closes).atZone(zone).toInstant();
    }
}
