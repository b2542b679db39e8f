package org.clearpost.console.gateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST gateway: {@code /api/<service>/<path>} goes to that service's {@code /<path>} with the same method, query
 * and JSON body, as the signed-in person (their access token, from the server-side session). The answer comes back
 * as the service gave it, problem+json included. State-changing calls need the {@code X-CSRF-Token} header
 * ({@code CsrfFilter}); forms go to the console's pages, not here.
 */
@Path("/api/{service}/{path: .*}")
public class ApiGateway {

    /** Headers of a service's answer that mean something to the browser. */
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Content-Disposition", "X-Total-Count",
            "ETag", "Retry-After", "Link");

    private final ServiceClient services;

    public ApiGateway(ServiceClient services) {
        this.services = services;
    }

    @GET
    public Response get(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", service, uri, headers, null);
    }

    @DELETE
    public Response delete(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", service, uri, headers, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, uri, headers, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, uri, headers, body);
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("service") String service, @PathParam("path") String path,
            @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", service, uri, headers, body);
    }

    private Response forward(String method, String serviceId, UriInfo uri, HttpHeaders headers, byte[] body) {
        Service service = Service.byId(serviceId).orElse(null);
        if (service == null) {
            return problem(404, "Not Found", "no service called '" + serviceId + "'; /api/ knows drafting, "
                    + "clearance, publisher, monitoring and analytics");
        }
        MediaType type = headers.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return problem(415, "Unsupported Media Type", "/api/ forwards JSON; forms and uploads go to the "
                    + "console's own pages");
        }
        // What follows /api/<service> in the raw (still percent-encoded) path, with the raw query.
        String raw = uri.getRequestUri().getRawPath();
        String target = raw.substring(("/api/" + serviceId).length());
        String query = uri.getRequestUri().getRawQuery();
        Map<String, String> extra = new HashMap<>();
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null) {
            extra.put("Accept", accept);
        }
        // The answer goes to the browser as it comes (a video's content, say) rather than being held whole in the
        // console's memory; a request body here is JSON, small.
        HttpResponse<InputStream> answer = services.stream(service, method, (target.isEmpty() ? "/" : target)
                + (query == null ? "" : "?" + query), type == null ? null : type.toString(),
                body == null || body.length == 0 && type == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body), extra);
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
        for (String name : PASSED_BACK) {
            answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        answer.headers().firstValue("Location")
                .ifPresent(location -> response.header("Location", rewrite(location, service)));
        return response.build();
    }

    /** A service's Location (its own absolute URL) as the same resource behind the gateway. */
    private static String rewrite(String location, Service service) {
        java.net.URI uri = java.net.URI.create(location);
        return "/api/" + service.id() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)).build();
    }
}
