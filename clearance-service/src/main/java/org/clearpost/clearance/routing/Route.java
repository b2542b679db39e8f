package org.clearpost.clearance.routing;

import java.time.Duration;
import java.util.List;

/**
 * How a case is cleared: its steps in order, each by a different person, and how long it may take.
 *
 * @param businessHours whether {@code due} counts business hours only
 * @param onDutyOnly whether only clearers on duty may take its steps
 */
public record Route(String name, List<RouteStep> steps, Duration due, boolean businessHours, boolean onDutyOnly) {

    public static final String NORMAL = "normal";
    public static final String PRE_ELECTION = "pre-election";
    public static final String CRISIS = "crisis";
    public static final String LIVE = "live";

    public Route {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Route " + name + " needs at least one step");
        }
        if (due.isNegative() || due.isZero()) {
            throw new IllegalArgumentException("Route " + name + " needs a positive due time, not " + due);
        }
    }
}
