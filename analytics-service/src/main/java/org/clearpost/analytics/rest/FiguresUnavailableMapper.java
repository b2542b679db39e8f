package org.clearpost.analytics.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.clearpost.analytics.query.FiguresUnavailableException;
import org.clearpost.support.problem.Problem;

/** 503 problem+json with Retry-After: the stores are rebalancing, or a replica holding some rows did not answer. */
@Provider
public class FiguresUnavailableMapper implements ExceptionMapper<FiguresUnavailableException> {

    @Override
    public Response toResponse(FiguresUnavailableException exception) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, exception.getMessage())
                .toResponse()).header("Retry-After", Integer.toString(exception.retryAfterSeconds())).build();
    }
}
