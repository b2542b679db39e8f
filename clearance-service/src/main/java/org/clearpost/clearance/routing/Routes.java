package org.clearpost.clearance.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.clearpost.clearance.config.RoutesConfig;

/** The configured routes by name; a bad configuration fails at startup. */
@ApplicationScoped
public class Routes {

    private final Map<String, Route> byName;
    private final Duration liveMargin;

    public Routes(RoutesConfig config) {
        this.byName = Map.of(Route.NORMAL, route(Route.NORMAL, config.normal()),
                Route.PRE_ELECTION, route(Route.PRE_ELECTION, config.preElection()),
                Route.CRISIS, route(Route.CRISIS, config.crisis()),
                Route.LIVE, route(Route.LIVE, config.live()));
        this.liveMargin = config.live().margin();
        if (liveMargin.isNegative()) {
            throw new IllegalArgumentException("The live route's margin must not be negative, not " + liveMargin);
        }
    }

    /** How long before and after a live event its quick posts still take the live route. */
    public Duration liveMargin() {
        return liveMargin;
    }

    public Route named(String name) {
        Route route = byName.get(name);
        if (route == null) {
            throw new IllegalStateException("No route named " + name);
        }
        return route;
    }

    private static Route route(String name, RoutesConfig.RouteSettings settings) {
        return new Route(name, settings.steps().stream().map(RouteStep::parse).toList(), settings.due(),
                settings.businessHours(), settings.onDutyOnly());
    }
}
