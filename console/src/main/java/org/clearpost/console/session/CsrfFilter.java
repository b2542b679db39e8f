package org.clearpost.console.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request (anything but GET, HEAD and OPTIONS), pages and {@code /api/} alike, must carry this
 * session's CSRF token: in the {@value Csrf#HEADER} header (scripts) or the {@value Csrf#FIELD} form field (forms,
 * multipart included). Otherwise 403 problem+json, before the request reaches a resource or a service. Another site
 * can make a browser send our cookie, but cannot read our pages to learn the token.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentUser user;

    @Inject
    Csrf csrf;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        // Declared as RESTEasy Reactive's own context, not ContainerRequestContext: for that type a filter returning a
        // Response is handed a PreventAbort wrapper, which cannot be cast to reach the form (every form POST was a 500).
        if (SAFE.contains(request.getMethod()) || !user.isSignedIn()) {
            return null; // an anonymous request never gets this far: the OIDC mechanism sends it to sign in
        }
        String presented = request.getHeaderString(Csrf.HEADER);
        if (presented == null && isForm(request.getMediaType())) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(Csrf.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (csrf.tokens().matches(presented, user.sessionId(), user.subject())) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("application/problem+json")
                .entity("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"this request did not carry the page's CSRF token (" + Csrf.FIELD
                        + " form field or " + Csrf.HEADER + " header); reload the page and try again\"}")
                .build();
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
