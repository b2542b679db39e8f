package org.clearpost.console.gateway;

import java.util.Locale;
import java.util.Optional;

/** The five services behind the console, by the id that names them in {@code /api/<id>/} and in configuration. */
public enum Service {
    DRAFTING("Drafting"),
    CLEARANCE("Clearance"),
    PUBLISHER("Publishing"),
    MONITORING("Monitoring"),
    ANALYTICS("Figures");

    private final String shownAs;

    Service(String shownAs) {
        this.shownAs = shownAs;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a screen names it: "Clearance is not answering just now". */
    public String shownAs() {
        return shownAs;
    }

    public static Optional<Service> byId(String id) {
        for (Service service : values()) {
            if (service.id().equals(id)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
