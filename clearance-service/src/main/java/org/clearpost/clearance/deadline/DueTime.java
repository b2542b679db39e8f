package org.clearpost.clearance.deadline;

import java.time.Instant;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.clearance.routing.Route;

/** When a case must be decided by. */
public final class DueTime {

    private DueTime() {
    }

    /**
     * The route's due time from submission (business hours or wall clock, as the route says), or the post's scheduled
     * time if that is earlier: a post cleared after it was meant to go out is late whatever the route allows.
     */
    public static Instant of(Route route, Instant submittedAt, Instant scheduledAt, BusinessCalendar calendar) {
        return route.businessHours()
                ? capped(calendar.addBusinessDuration(submittedAt, route.due()), scheduledAt)
                : inWallClock(route, submittedAt, scheduledAt);
    }

    /** As {@link #of}, counting the route's due time in wall-clock time even where the route says business hours. */
    public static Instant inWallClock(Route route, Instant submittedAt, Instant scheduledAt) {
        return capped(submittedAt.plus(route.due()), scheduledAt);
    }

    private static Instant capped(Instant byRoute, Instant scheduledAt) {
        return scheduledAt != null && scheduledAt.isBefore(byRoute) ? scheduledAt : byRoute;
    }
}
