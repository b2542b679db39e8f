package org.clearpost.clearance.routing;

import java.time.Duration;
import java.time.Instant;
import org.clearpost.events.LiveEventRef;
import org.clearpost.events.PostDrafted;

/**
 * Chooses a case's route, first rule that applies: crisis mode, then a pre-election period in force, then a
 * live-event quick post while its event is on, else normal. Applied when the case opens and again when a
 * pre-election period changes under an open case.
 */
public final class RouteRules {

    private RouteRules() {
    }

    /**
     * @param crisisReason why crisis mode is on, or null when it is off
     * @param periodName the pre-election period in force at submission or at the scheduled time, or null
     * @param liveMargin how long before its start and after its end a live event still counts as on
     */
    public static RouteChoice choose(PostDrafted drafted, String crisisReason, String periodName,
            Duration liveMargin) {
        return choose(drafted.liveEvent(), drafted.submittedAt(), drafted.scheduledAt(), crisisReason, periodName,
                liveMargin);
    }

    /** As above, for a post known by its live event (or null), submission and scheduled time (or null). */
    public static RouteChoice choose(LiveEventRef liveEvent, Instant submittedAt, Instant scheduledAt,
            String crisisReason, String periodName, Duration liveMargin) {
        if (crisisReason != null) {
            return new RouteChoice(Route.CRISIS, "crisis mode is on: " + crisisReason);
        }
        if (periodName != null) {
            return new RouteChoice(Route.PRE_ELECTION, "pre-election period \"" + periodName
                    + "\" is in force at submission or at the scheduled time");
        }
        if (liveEvent == null) {
            return new RouteChoice(Route.NORMAL, "no crisis, no pre-election period, not a live-event post");
        }
        // Judged when the post goes out: at its scheduled time if it has one, else as soon as it is cleared.
        Instant at = scheduledAt != null ? scheduledAt : submittedAt;
        String event = "live event \"" + liveEvent.name() + "\"";
        if (liveEvent.startsAt() == null || liveEvent.endsAt() == null) {
            // Without the event's times nothing shows it is on; the normal route is slower but never less careful.
            return new RouteChoice(Route.NORMAL, "quick post for " + event + " whose times are unknown");
        }
        if (isOn(liveEvent, at, liveMargin)) {
            return new RouteChoice(Route.LIVE, "quick post for " + event);
        }
        return new RouteChoice(Route.NORMAL, "quick post for " + event + ", which is not on at " + at + " (on from "
                + liveEvent.startsAt() + " to " + liveEvent.endsAt() + ", " + liveMargin.toMinutes()
                + " minutes' margin either side)");
    }

    /** From {@code margin} before the event's start (included) to {@code margin} after its end (excluded). */
    static boolean isOn(LiveEventRef liveEvent, Instant at, Duration margin) {
        return !at.isBefore(liveEvent.startsAt().minus(margin)) && at.isBefore(liveEvent.endsAt().plus(margin));
    }
}
