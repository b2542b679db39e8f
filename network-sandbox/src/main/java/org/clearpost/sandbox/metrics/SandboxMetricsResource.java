package org.clearpost.sandbox.metrics;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox's own API for engagement: a post's numbers at an age, ageing and deleting a post, scripted failures. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox metrics", description = "Engagement numbers, post age and deletion, scripted read failures")
public class SandboxMetricsResource {

    /** Body of {@code PUT /sandbox/posts/{id}/published-at}. */
    public record PublishedAt(Instant publishedAt) {
    }

    /** Body of {@code POST /sandbox/faults}: the next {@code times} metrics reads with {@code token} fail. */
    public record Fault(String token, Integer status, Integer times) {
    }

    private final PostStore store;
    private final ReadFaults faults;
    private final Clock clock = Clock.systemUTC();

    SandboxMetricsResource(PostStore store, ReadFaults faults) {
        this.store = store;
        this.faults = faults;
    }

    /**
     * The counts the networks report for the post at {@code age} (ISO-8601, e.g. {@code PT26H}; default: its age
     * now), under the sandbox's names (see EngagementCurve.Counts).
     */
    @GET
    @Path("/posts/{id}/metrics")
    public Response metrics(@PathParam("id") String id, @QueryParam("age") String age) {
        Optional<HeldPost> post = store.get(id);
        if (post.isEmpty()) {
            return error(404, "no post with id " + id);
        }
        Duration at;
        try {
            at = age == null ? Duration.between(post.get().receivedAt(), clock.instant()) : Duration.parse(age);
        } catch (DateTimeParseException e) {
            return error(400, "age must be an ISO-8601 duration such as PT26H, not '" + age + "'");
        }
        return Response.ok(EngagementCurve.at(id, at)).build();
    }

    /** Makes the post as old as if published then (its engagement grows with age; X's 30-day limit applies). */
    @PUT
    @Path("/posts/{id}/published-at")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response backdate(@PathParam("id") String id, PublishedAt body) {
        if (body == null || body.publishedAt() == null) {
            return error(400, "publishedAt is required");
        }
        return store.backdate(id, body.publishedAt()).map(p -> Response.ok(p).build())
                .orElseGet(() -> error(404, "no post with id " + id));
    }

    /** Deletes the post, as its author would on the network: reads of it then answer "not found". */
    @DELETE
    @Path("/posts/{id}")
    public Response delete(@PathParam("id") String id) {
        return store.delete(id) ? Response.noContent().build() : error(404, "no post with id " + id);
    }

    /** The next {@code times} metrics reads with this token fail: 503 (X; Graph: code 2, 500) or 429 (Graph: #4). */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fault(Fault fault) {
        if (fault == null || fault.token() == null || fault.token().isBlank()) {
            return error(400, "token is required");
        }
        int status = fault.status() == null ? 503 : fault.status();
        if (status != 503 && status != 429 && status != 500) {
            return error(400, "status must be 429, 500 or 503");
        }
        int times = fault.times() == null ? 1 : fault.times();
        if (times < 1 || times > 100) {
            return error(400, "times must be between 1 and 100");
        }
        faults.script(Tokens.fingerprint(fault.token().strip()), status, times);
        return Response.noContent().build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
