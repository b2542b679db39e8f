package org.clearpost.console.clearance;

import org.clearpost.console.web.LondonTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When a case is due, as a clearer reads it: London wall-clock time ("2 December 2026 at 5:45pm", the GOV.UK style)
 * and how far off it is ("in 2 hours", "3 hours overdue"). Overdue when clearance marked it so, or when its due time
 * has passed and clearance's periodic scan has not yet caught up: the queue must not show a late case as on time.
 */
public record Due(Instant at, boolean overdue, String when, String relative) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** {@code dueAt} null: the route gives no due time (clearance sorts such cases last). */
    public static Due of(Instant dueAt, boolean markedOverdue, Instant now) {
        if (dueAt == null) {
            return new Due(null, markedOverdue, "No due time", markedOverdue ? "overdue" : "");
        }
        boolean overdue = markedOverdue || dueAt.isBefore(now);
        Duration gap = Duration.between(now, dueAt).abs();
        String relative = overdue ? span(gap) + " overdue" : "in " + span(gap);
        return new Due(dueAt, overdue, london(dueAt), relative);
    }

    /** An instant as London wall-clock time, GOV.UK style: "2 December 2026 at 5:45pm". */
    public static String london(Instant instant) {
        return instant == null ? "" : LondonTime.shown(instant);
    }

    /** Any other instant of the case the same way (templates reach it here: they call no static methods). */
    public String timeOf(Instant instant) {
        return london(instant);
    }

    /** The ISO instant, for a {@code <time datetime>} attribute. */
    public String getIso() {
        return at == null ? null : at.toString();
    }

    /** "less than a minute", "1 minute", "35 minutes", "1 hour", "5 hours", "2 days". */
    static String span(Duration gap) {
        long minutes = gap.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = gap.toHours();
        if (hours < 48) {
            return plural(hours, "hour");
        }
        return plural(gap.toDays(), "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
