package org.clearpost.local;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Everything the local platform runs, in start order, with its default port. */
public enum Component {

    KAFKA(9092, null, null),
    POSTGRES(5432, null, null),
    KEYCLOAK(8180, null, null),
    SANDBOX(8089, "network-sandbox", null),
    DRAFTING(8081, "drafting-service", "drafting"),
    CLEARANCE(8082, "clearance-service", "clearance"),
    PUBLISHER(8083, "publisher-service", "publisher"),
    MONITORING(8084, "monitoring-service", "monitoring"),
    ANALYTICS(8085, "analytics-service", "analytics"),
    /** The web console and REST gateway: the browser's one origin, with a database for sessions only. */
    CONSOLE(8080, "console", "console");

    /** The sandbox, the five services and the console: the Quarkus applications started as processes. */
    public static final Set<Component> APPLICATIONS = EnumSet.range(SANDBOX, CONSOLE);
    /** The five Clearpost services, each with its own database. */
    public static final Set<Component> SERVICES = EnumSet.range(DRAFTING, ANALYTICS);

    private final int defaultPort;
    private final String module;
    private final String database;

    Component(int defaultPort, String module, String database) {
        this.defaultPort = defaultPort;
        this.module = module;
        this.database = database;
    }

    /** Lower-case name used for log files, system properties and progress lines, e.g. {@code drafting}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The Maven module of an application, e.g. {@code drafting-service}; null for infrastructure. */
    public String module() {
        return module;
    }

    /** The PostgreSQL database of a service or the console; null for everything else. */
    public String database() {
        return database;
    }
}
