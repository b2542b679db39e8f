package org.clearpost.drafting.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.clearpost.drafting.domain.ContentIssue;
import org.clearpost.drafting.domain.ContentRejected;
import org.clearpost.support.problem.Problem;

/**
 * A submission refused for its content: a 400 problem whose {@code violations} name each field as every other 400
 * does, and whose {@code problems} extension gives each problem in full (target, field, code, position, message).
 */
@Provider
public class ContentRejectedMapper implements ExceptionMapper<ContentRejected> {

    /** RFC 9457 problem with the {@code problems} extension member. */
    public record ContentProblem(String type, String title, int status, String detail,
            List<Problem.Violation> violations, List<ContentIssue> problems) {
    }

    @Override
    public Response toResponse(ContentRejected exception) {
        List<Problem.Violation> violations = exception.errors().stream()
                .map(i -> new Problem.Violation(i.field(), i.network() + " " + i.account() + ": " + i.message()))
                .toList();
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new ContentProblem("about:blank", "Bad Request", 400, exception.getMessage(), violations,
                        exception.errors()))
                .build();
    }
}
