package org.clearpost.clearance.rest;

/** Realm roles, as in deploy/keycloak/clearpost-realm.json. */
final class Roles {

    static final String CLEARER = "clearer";
    static final String LEAD = "lead";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
