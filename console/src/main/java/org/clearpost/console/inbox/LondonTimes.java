package org.clearpost.console.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as staff read them: London wall-clock, the GOV.UK style ("2 December 2026 at 5:31pm"). */
public final class LondonTimes {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private LondonTimes() {
    }

    /** {@code null} stays null, so a template can say "{x.due ?: 'None'}". */
    public static String shown(Instant at) {
        if (at == null) {
            return null;
        }
        var local = at.atZone(LONDON);
        return DAY.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }
}
