package org.clearpost.clearance.rest;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/** Why a lead did something (crisis mode on or off, a period cancelled). */
public record ReasonRequest(@Size(max = 2000) String reason) {

    /** The reason, stripped; a 400 naming {@code reason} when there is none. */
    static String required(ReasonRequest request, String detail) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        if (reason == null) {
            throw ProblemException.badRequest(detail, List.of(new Problem.Violation("reason", "must not be blank")));
        }
        return reason;
    }
}
