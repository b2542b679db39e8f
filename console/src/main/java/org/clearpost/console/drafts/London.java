package org.clearpost.console.drafts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the body's staff read them: London wall-clock time, "2 December 2026 at 17:40". */
final class London {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm",
            Locale.UK);

    private London() {
    }

    static String format(Instant instant) {
        return instant == null ? null : SHOWN.format(instant.atZone(ZONE));
    }

    /** A London wall-clock time as drafting gives it ({@code 2027-03-28T09:30}). */
    static String formatLocal(String localDateTime) {
        return localDateTime == null ? null : SHOWN.format(LocalDateTime.parse(localDateTime));
    }
}
