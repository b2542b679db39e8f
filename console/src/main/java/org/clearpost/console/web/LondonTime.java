package org.clearpost.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the Communications team reads them on every screen: Europe/London wall-clock, GOV.UK style
 * ("2 December 2026 at 5:45pm"). Services send instants with offsets; only this class turns them into words.
 */
public final class LondonTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private LondonTime() {
    }

    /** {@code null} stays {@code null}, so a template can say {@code {x ?: 'None'}}. */
    public static String shown(Instant instant) {
        return instant == null ? null : shown(instant.atZone(ZONE));
    }

    /** A London wall-clock time as drafting gives it ({@code 2027-03-28T09:30}). */
    public static String shown(LocalDateTime londonWallClock) {
        return londonWallClock == null ? null : shown(londonWallClock.atZone(ZONE));
    }

    private static String shown(ZonedDateTime local) {
        return DAY.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    /** "Friday 25 December 2026". */
    public static String weekday(LocalDate date) {
        return WEEKDAY.format(date);
    }

    /** An ISO instant from a service's JSON; blank or null is null. */
    public static Instant instant(String iso) {
        return iso == null || iso.isBlank() ? null : Instant.parse(iso);
    }
}
