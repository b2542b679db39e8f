package org.clearpost.clearance.domain;

import java.util.Set;

/** Who is taking a clearance step, with the roles their token gives them. */
public record Decider(String username, Set<String> roles) {

    public Decider {
        roles = Set.copyOf(roles);
    }
}
