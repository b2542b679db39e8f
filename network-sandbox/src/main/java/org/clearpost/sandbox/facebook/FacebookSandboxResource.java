package org.clearpost.sandbox.facebook;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Test and benchmark controls of the Facebook firehose: where its webhooks go (a test's service listens on a port
 * chosen after the sandbox started), over how many connections, and what it has made and delivered.
 */
@Path("/sandbox/facebook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Facebook firehose", description = "Where the Page webhooks go, and what was made and delivered")
public class FacebookSandboxResource {

    /** Any may be null to keep it. {@code retryWindowMillis}: how long a failing delivery is retried. */
    public record Target(String url, Integer concurrency, Long retryWindowMillis) {
    }

    private final FacebookFirehose firehose;

    FacebookSandboxResource(FacebookFirehose firehose) {
        this.firehose = firehose;
    }

    @PUT
    @Path("/webhook")
    public Response target(Target target) {
        if (target == null || (target.url() == null && target.concurrency() == null
                && target.retryWindowMillis() == null)) {
            return error("give url, concurrency, retryWindowMillis or several");
        }
        if (target.retryWindowMillis() != null && target.retryWindowMillis() < 0) {
            return error("retryWindowMillis must not be negative");
        }
        if (target.url() != null) {
            try {
                URI uri = URI.create(target.url());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    return error("url must be http or https");
                }
            } catch (IllegalArgumentException e) {
                return error("url is not a URL: " + e.getMessage());
            }
        }
        if (target.concurrency() != null && (target.concurrency() < 1 || target.concurrency() > 64)) {
            return error("concurrency must be 1-64");
        }
        firehose.target(target.url(), target.concurrency(),
                target.retryWindowMillis() == null ? null : Duration.ofMillis(target.retryWindowMillis()));
        return Response.ok(firehose.stats()).build();
    }

    @GET
    @Path("/deliveries")
    public FacebookFirehose.Stats deliveries() {
        return firehose.stats();
    }

    /** The id of every comment made since the last reset, post by post, oldest first. */
    @GET
    @Path("/comments")
    public List<String> comments() {
        return firehose.page().commentIds();
    }

    private static Response error(String message) {
        return Response.status(400).entity(Map.of("error", message)).build();
    }
}
