package org.clearpost.publisher.rest;

/** Realm roles, as in deploy/keycloak/clearpost-realm.json. */
final class Roles {

    static final String DRAFTER = "drafter";
    static final String CLEARER = "clearer";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
