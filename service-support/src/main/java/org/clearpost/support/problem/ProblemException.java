package org.clearpost.support.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** A domain rule said no; the message is written for the person who made the request. */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(Status status, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Status.NOT_FOUND, "Not Found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException forbidden(String title, String detail) {
        return new ProblemException(Status.FORBIDDEN, title, detail, List.of());
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(Status.CONFLICT, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail, List<Problem.Violation> violations) {
        return new ProblemException(Status.BAD_REQUEST, "Bad Request", detail, violations);
    }

    public Problem problem() {
        return new Problem("about:blank", title, status.getStatusCode(), getMessage(), violations);
    }
}
