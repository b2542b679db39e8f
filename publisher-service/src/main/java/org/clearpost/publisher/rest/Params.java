package org.clearpost.publisher.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Path and query values read by hand, so a wrong one is a 400 naming the parameter (JAX-RS would answer a bare 404).
 */
final class Params {

    private Params() {
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "'" + value + "' is not a UUID");
        }
    }

    /** A network by name, in any case: {@code x}, {@code X}, {@code facebook}. */
    static Network network(String value) {
        try {
            return Network.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("network", "'" + value + "' is not one of " + Arrays.toString(Network.values()));
        }
    }

    private static ProblemException invalid(String name, String message) {
        return ProblemException.badRequest("The request has an invalid " + name,
                List.of(new Problem.Violation(name, message)));
    }
}
