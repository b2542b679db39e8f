package org.clearpost.clearance.routing;

import java.util.Set;
import org.clearpost.support.security.Roles;

/** One step of a route: its name and the role whoever takes it must hold. */
public record RouteStep(String name, String role) {

    private static final Set<String> DECIDING_ROLES = Set.of(Roles.CLEARER, Roles.LEAD);

    public RouteStep {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A route step needs a name");
        }
        if (!DECIDING_ROLES.contains(role)) {
            throw new IllegalArgumentException("Step " + name + ": role must be one of " + DECIDING_ROLES
                    + ", not " + role);
        }
    }

    /** Parses {@code name:role}; a bare role names the step after it. */
    public static RouteStep parse(String spec) {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        return colon < 0 ? new RouteStep(trimmed, trimmed)
                : new RouteStep(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
    }
}
