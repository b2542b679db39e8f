package org.clearpost.console.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the GOV.UK style guide writes them, in London time: "2 December 2026 at 5:31pm". */
final class LondonTime {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private LondonTime() {
    }

    /** {@code null} stays {@code null}: the template shows nothing, or its own words. */
    static String dateTime(Instant instant) {
        if (instant == null) {
            return null;
        }
        var local = instant.atZone(LONDON);
        return DAY.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    static String day(LocalDate date) {
        return WEEKDAY.format(date);
    }

    static Instant parse(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
