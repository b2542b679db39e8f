package org.clearpost.console.clearance;

import java.util.Optional;

/** What a clearer can decide on a case, each one of clearance's {@code POST /clearances/{id}/...} calls. */
public enum Decision {
    APPROVE("approve", "Approve", "It can be published as it is (or go on to the next step of its route)."),
    REQUEST_CHANGES("request-changes", "Request changes", "It goes back to the drafter with what to change."),
    REJECT("reject", "Reject", "It will not be published; the drafter is told why.");

    private final String value;
    private final String label;
    private final String hint;

    Decision(String value, String label, String hint) {
        this.value = value;
        this.label = label;
        this.hint = hint;
    }

    /** The form value and clearance's path segment. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    public static Optional<Decision> of(String value) {
        for (Decision d : values()) {
            if (d.value.equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
