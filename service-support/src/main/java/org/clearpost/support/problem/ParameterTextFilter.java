package org.clearpost.support.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearpost.support.json.InputText;

/** Path and query parameters carrying a NUL or an unpaired surrogate are refused, as they are in JSON bodies. */
@Provider
public class ParameterTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), violations);
        check(request.getUriInfo().getQueryParameters(), violations);
        if (!violations.isEmpty()) {
            throw new BadRequestException(new Problem("about:blank", "Bad Request", 400,
                    "The request has " + violations.size() + " invalid parameter(s)", violations).toResponse());
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Problem.Violation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                InputText.problem(value).ifPresent(
                        reason -> violations.add(new Problem.Violation(parameter.getKey(), reason)));
            }
        }
    }
}
