package org.clearpost.support.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 from the security checks on resource methods ({@code @RolesAllowed}) as problem+json. Quarkus's own
 * mappers answer them with an empty body; a mapper of the application wins over them.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this request").toResponse();
    }

    private static Response unauthenticated() {
        Problem problem = Problem.of(Response.Status.UNAUTHORIZED,
                "A valid bearer token for this API is needed (Authorization: Bearer <token>)");
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
