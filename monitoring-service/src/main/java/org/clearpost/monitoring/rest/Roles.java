package org.clearpost.monitoring.rest;

/** Realm roles, as in deploy/keycloak/clearpost-realm.json. */
final class Roles {

    static final String MONITOR = "monitor";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
