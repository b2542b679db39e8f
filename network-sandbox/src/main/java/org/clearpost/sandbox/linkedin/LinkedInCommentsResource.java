package org.clearpost.sandbox.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LinkedIn Comments API: {@code POST /rest/socialActions/{urn}/comments} comments on a post ({@code object}), or
 * replies to a comment when {@code {urn}} is that comment and {@code parentComment} names it; {@code GET} lists the
 * comments on a post (top level) or the replies to a comment, oldest first. The URN in the path is URL-encoded.
 */
@Path("/linkedin/rest/socialActions/{target}/comments")
@Tag(name = "LinkedIn Comments API", description = "Comments on posts, as api.linkedin.com/rest answers them")
public class LinkedInCommentsResource {

    private final LinkedInGate gate;
    private final LinkedInContent content;
    private final PublishFaults faults;

    LinkedInCommentsResource(LinkedInGate gate, LinkedInContent content, PublishFaults faults) {
        this.gate = gate;
        this.content = content;
        this.faults = faults;
    }

    @POST
    public Response create(@PathParam("target") String target, @Context HttpHeaders headers,
            @Context HttpServerRequest request, JsonNode body) {
        LinkedInGate.Passed passed = gate.check(headers);
        if (passed.refusal() != null) {
            return passed.refusal();
        }
        if (body == null || !body.isObject()) {
            return LinkedInPostsResource.invalid("/", "a JSON object is required");
        }
        String actor = body.path("actor").asText("");
        if (!LinkedInPostsResource.AUTHOR.matcher(actor).matches()) {
            return LinkedInPostsResource.invalid("/actor", "must be an organization or person URN, got \"" + actor
                    + "\"");
        }
        if (!body.path("message").path("text").isTextual()) {
            return LinkedInPostsResource.invalid("/message/text", "field is required but not found");
        }
        String object = body.path("object").asText("");
        String parent = body.hasNonNull("parentComment") ? body.path("parentComment").asText() : null;
        boolean onComment = target.startsWith("urn:li:comment:");
        if (onComment ? !target.equals(parent) : !target.equals(object) || parent != null) {
            return LinkedInPostsResource.invalid("/object", "the URN in the path must be the object commented on, "
                    + "or the parentComment replied to");
        }
        Optional<LinkedInContent.Outcome> outcome = content.createComment(passed.fingerprint(), actor, object,
                parent, body.path("message").path("text").asText());
        if (outcome.isEmpty()) {
            return LinkedInGate.error(404, null, null, "Not found: " + target);
        }
        if (outcome.get() instanceof LinkedInContent.Capped capped) {
            return LinkedInPostsResource.dailyCap(capped.cap());
        }
        HeldPost comment = ((LinkedInContent.Created) outcome.get()).item();
        faults.afterAccept(Network.LINKEDIN, request);
        return Response.status(201).header("x-restli-id", comment.id()).entity(LinkedInViews.comment(comment))
                .build();
    }

    @GET
    public Response list(@PathParam("target") String target, @Context HttpHeaders headers,
            @QueryParam("count") Integer count, @QueryParam("start") Integer start) {
        LinkedInGate.Passed passed = gate.check(headers);
        if (passed.refusal() != null) {
            return passed.refusal();
        }
        if (content.get(target).isEmpty()) {
            return LinkedInGate.error(404, null, null, "Not found: " + target);
        }
        int from = start == null ? 0 : Math.max(0, start);
        int size = count == null ? 10 : Math.max(1, Math.min(100, count));
        List<HeldPost> comments = content.comments(target);
        List<Map<String, Object>> page = comments.stream().skip(from).limit(size).map(LinkedInViews::comment)
                .toList();
        return Response.ok(LinkedInViews.page(page, from, size, comments.size())).build();
    }
}
