package org.clearpost.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceUnavailable;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service that is down gives a clear message on the screen that needed it, and only there (every other screen
 * calls only its own services); a service's problem on a page's read is shown as that page. {@code /api/} gets the
 * same as problem+json.
 */
public class ServiceFailureMappers {

    private static final Logger LOG = Logger.getLogger(ServiceFailureMappers.class);

    @Inject
    @Location("failure.html")
    Template failure;

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e, UriInfo uri) {
        LOG.warnf("%s (%s): %s", e.getMessage(), uri.getPath(), e.getCause());
        String detail = e.service().shownAs() + " is not answering just now. Other screens still work; try this one "
                + "again in a minute.";
        return respond(uri, 503, "Service unavailable", e.getMessage(), detail);
    }

    @ServerExceptionMapper
    public Response problem(ServiceProblem e, UriInfo uri) {
        Problem p = e.problem();
        String title = switch (p.status()) {
            case 403 -> "You cannot see this";
            case 404 -> "Page not found";
            default -> p.title();
        };
        return respond(uri, p.status(), p.title(), title, p.detail() != null ? p.detail() : p.title());
    }

    private Response respond(UriInfo uri, int status, String problemTitle, String heading, String detail) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type("application/problem+json").entity(Map.of("type", "about:blank",
                    "title", problemTitle, "status", status, "detail", detail)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(failure.data("heading", heading).data("detail", detail)).build();
    }
}
