package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * The body's clearance routes. Each route's steps are {@code name:role} pairs taken in order (role {@code clearer} or
 * {@code lead}); its due time counts business hours or wall-clock time. Defaults are in application.properties.
 */
@ConfigMapping(prefix = "clearpost.clearance.routes")
public interface RoutesConfig {

    RouteSettings normal();

    RouteSettings preElection();

    RouteSettings crisis();

    LiveRouteSettings live();

    interface RouteSettings {

        /** E.g. {@code clearer:clearer,lead:lead}: step names and the role each needs. */
        List<String> steps();

        /** How long the route has to decide a case (capped by the post's scheduled time). */
        Duration due();

        /** Whether {@link #due()} counts only business hours (office hours, no weekends or bank holidays). */
        boolean businessHours();

        /** Whether only clearers marked on duty may take its steps (live events). */
        boolean onDutyOnly();
    }

    interface LiveRouteSettings extends RouteSettings {

        /**
         * How long before a live event's start and after its end its quick posts still take the live route; outside
         * that they take the normal route.
         */
        @WithDefault("30m")
        Duration margin();
    }
}
