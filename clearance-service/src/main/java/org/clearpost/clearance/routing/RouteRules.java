package org.clearpost.clearance.routing;

import org.clearpost.events.PostDrafted;

/**
 * Chooses a case's route when it opens, first rule that applies: crisis mode, then a pre-election period in force,
 * then a live-event quick post, else normal.
 */
public final class RouteRules {

    private RouteRules() {
    }

    /**
     * @param crisisReason why crisis mode is on, or null when it is off
     * @param periodName the pre-election period in force at submission or at the scheduled time, or null
     */
    public static RouteChoice choose(PostDrafted drafted, String crisisReason, String periodName) {
        if (crisisReason != null) {
            return new RouteChoice(Route.CRISIS, "crisis mode is on: " + crisisReason);
        }
        if (periodName != null) {
            return new RouteChoice(Route.PRE_ELECTION, "pre-election period \"" + periodName
                    + "\" is in force at submission or at the scheduled time");
        }
        if (drafted.liveEvent() != null) {
            return new RouteChoice(Route.LIVE, "quick post for live event \"" + drafted.liveEvent().name() + "\"");
        }
        return new RouteChoice(Route.NORMAL, "no crisis, no pre-election period, not a live-event post");
    }
}
