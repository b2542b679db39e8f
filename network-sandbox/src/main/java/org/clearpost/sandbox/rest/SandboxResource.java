package org.clearpost.sandbox.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.MentionService;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox's own API, for tests and people: what it holds, a reset, and mentions to push to a webhook. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox", description = "Inspect and reset what the sandbox holds; send Page webhooks")
public class SandboxResource {

    /**
     * Body of {@code POST /sandbox/mentions}. {@code postId} makes it a comment on that post (a bare number is
     * taken to be on {@code pageId}); without it the mention is a visitor's post on the Page.
     */
    public record MentionRequest(String network, String pageId, String authorId, String authorName, String message,
            String postId) {
    }

    /** Body of {@code POST /sandbox/x/users}: the X account a token stands for. */
    public record XUserRequest(String token, String username) {
    }

    private final PostStore store;
    private final RateLimits limits;
    private final MentionService mentions;
    private final PublishFaults faults;

    SandboxResource(PostStore store, RateLimits limits, MentionService mentions, PublishFaults faults) {
        this.faults = faults;
        this.store = store;
        this.limits = limits;
        this.mentions = mentions;
    }

    @GET
    @Path("/posts")
    public Response posts(@QueryParam("network") String network) {
        if (network == null || network.isBlank()) {
            return Response.ok(store.list(Optional.empty())).build();
        }
        Optional<Network> n = Network.fromKey(network);
        if (n.isEmpty()) {
            return error(400, "unknown network '" + network + "': use x, facebook, mastodon, bluesky, linkedin, youtube, "
                    + "flickr, soundcloud or threads");
        }
        return Response.ok(store.list(n)).build();
    }

    @GET
    @Path("/posts/{id}")
    public Response post(@PathParam("id") String id) {
        return store.get(id).map(p -> Response.ok(p).build()).orElseGet(() -> error(404, "no post with id " + id));
    }

    /** Forgets every post and every rate counter. */
    @DELETE
    @Path("/posts")
    public Response reset() {
        store.reset();
        limits.reset();
        faults.reset();
        return Response.noContent().build();
    }

    /**
     * Makes {@code token} act for the X user {@code username}, as an OAuth grant by that user would: {@code GET
     * /2/users/me} then answers it, and posts made with the token show that account. Without this, a token acts for
     * a made-up user {@code user_<first 8 hex of its fingerprint>}. Kept across {@code DELETE /sandbox/posts}.
     */
    @POST
    @Path("/x/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerXUser(XUserRequest request) {
        if (request == null || isBlank(request.token()) || isBlank(request.username())) {
            return error(400, "token and username are required");
        }
        String username = request.username().strip();
        return Response.ok(store.registerXUser(Tokens.fingerprint(request.token().strip()),
                username.startsWith("@") ? username.substring(1) : username)).build();
    }

    /**
     * Arms a fault: the next {@code count} publishing calls to {@code network} are carried out (the post is made and
     * held) and then the connection is dropped before the answer is written, as a crash of the network's front end
     * or a cut line would do. The caller cannot know whether it published. 204; 400 for an unknown network.
     */
    @POST
    @Path("/faults/{network}/drop-after-accept")
    public Response dropAfterAccept(@PathParam("network") String network, @QueryParam("count") Integer count) {
        Optional<Network> n = Network.fromKey(network);
        if (n.isEmpty()) {
            return error(400, "unknown network '" + network + "'");
        }
        if (count != null && count < 0) {
            return error(400, "count must be 0 or more");
        }
        faults.dropAfterAccept(n.get(), count == null ? 1 : count);
        return Response.noContent().build();
    }

    /**
     * 202 with the delivery (payload sent, signature, the webhook's status) once the webhook answered, whatever
     * it answered; 502 with the same shape and an {@code error} when it could not be reached.
     */
    @POST
    @Path("/mentions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response mention(MentionRequest request) {
        if (request == null) {
            return error(400, "a JSON body is required");
        }
        if (!"facebook".equalsIgnoreCase(request.network())) {
            return error(400, "network must be \"facebook\": only Page webhooks are supported");
        }
        if (isBlank(request.pageId()) || isBlank(request.authorId()) || isBlank(request.message())) {
            return error(400, "pageId, authorId and message are required");
        }
        String postId = isBlank(request.postId()) ? null : request.postId().strip();
        MentionService.Delivery delivery = mentions.deliver(new MentionService.Mention(request.pageId().strip(),
                request.authorId().strip(), request.authorName(), request.message(), postId));
        return Response.status(delivery.delivered() ? 202 : 502).entity(delivery).build();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
