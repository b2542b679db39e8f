package org.clearpost.support.security;

/** The realm roles every service checks, as defined in deploy/keycloak/clearpost-realm.json. */
public final class Roles {

    /** Writes posts and submits them for clearance. */
    public static final String DRAFTER = "drafter";
    /** Clears or rejects posts written by others (policy 5.1). */
    public static final String CLEARER = "clearer";
    /** A senior clearer: pre-election and crisis steps. */
    public static final String LEAD = "lead";
    /** Watches mentions and answers them. */
    public static final String MONITOR = "monitor";
    /** Reads figures and exports. */
    public static final String ANALYST = "analyst";
    /** Connects network accounts and runs the platform. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
