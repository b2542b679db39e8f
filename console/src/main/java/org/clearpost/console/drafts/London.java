package org.clearpost.console.drafts;

import org.clearpost.console.web.LondonTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Drafting's times for the drafter's screens, shown the one way every screen shows them ({@code web/LondonTime}). */
final class London {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {
    }

    static String format(Instant instant) {
        return LondonTime.shown(instant);
    }

    /** A London wall-clock time as drafting gives it ({@code 2027-03-28T09:30}). */
    static String formatLocal(String localDateTime) {
        return localDateTime == null ? null : LondonTime.shown(LocalDateTime.parse(localDateTime));
    }
}
