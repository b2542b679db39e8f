package org.clearpost.sandbox.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LinkedIn Posts API ({@code /rest/posts}): create a post for an organisation (or member) with optional image or
 * multi-image content, and the author finder that lists an author's posts newest first. Creating answers 201 with
 * the post URN in {@code x-restli-id} and no body; the same text again from the same author is refused with 422
 * {@code DUPLICATE_POST}; commentary is LinkedIn's little text, cut at its first unescaped reserved character.
 */
@Path("/linkedin/rest/posts")
@Tag(name = "LinkedIn Posts API", description = "Posts of an organisation page, as api.linkedin.com/rest answers them")
public class LinkedInPostsResource {

    static final Pattern AUTHOR = Pattern.compile("urn:li:(organization|person):[A-Za-z0-9_-]+");

    private final LinkedInGate gate;
    private final LinkedInContent content;
    private final PublishFaults faults;

    LinkedInPostsResource(LinkedInGate gate, LinkedInContent content, PublishFaults faults) {
        this.gate = gate;
        this.content = content;
        this.faults = faults;
    }

    @POST
    public Response create(@Context HttpHeaders headers, @Context HttpServerRequest request, JsonNode body) {
        LinkedInGate.Passed passed = gate.check(headers);
        if (passed.refusal() != null) {
            return passed.refusal();
        }
        if (body == null || !body.isObject()) {
            return invalid("/", "a JSON object is required");
        }
        String author = body.path("author").asText("");
        if (!AUTHOR.matcher(author).matches()) {
            return invalid("/author", "must be an organization or person URN, got \"" + author + "\"");
        }
        if (!body.path("commentary").isTextual()) {
            return invalid("/commentary", "field is required but not found and has no default value");
        }
        if (!"PUBLIC".equals(body.path("visibility").asText()) && !"CONNECTIONS".equals(body.path("visibility")
                .asText()) && !"LOGGED_IN".equals(body.path("visibility").asText())) {
            return invalid("/visibility", "must be PUBLIC, CONNECTIONS or LOGGED_IN");
        }
        if (!body.path("distribution").path("feedDistribution").isTextual()) {
            return invalid("/distribution/feedDistribution", "field is required but not found");
        }
        if (!"PUBLISHED".equals(body.path("lifecycleState").asText())) {
            return invalid("/lifecycleState", "the sandbox publishes only PUBLISHED posts");
        }
        List<HeldMedia> media = new ArrayList<>();
        JsonNode mediaContent = body.path("content");
        List<JsonNode> images = new ArrayList<>();
        if (mediaContent.has("media")) {
            images.add(mediaContent.path("media"));
        }
        mediaContent.path("multiImage").path("images").forEach(images::add);
        for (JsonNode image : images) {
            String id = image.path("id").asText("");
            Optional<HeldMedia> held = content.image(passed.fingerprint(), id,
                    image.hasNonNull("altText") ? image.path("altText").asText() : null);
            if (held.isEmpty()) {
                return invalid("/content", "image " + id + " was not uploaded by this token");
            }
            media.add(held.get());
        }
        String reshareOf = body.path("reshareContext").hasNonNull("parent")
                ? body.path("reshareContext").path("parent").asText() : null;
        Optional<LinkedInContent.Outcome> created = content.createPost(passed.fingerprint(), author,
                body.path("commentary").asText(), media, reshareOf);
        if (created.isEmpty()) {
            return invalid("/reshareContext/parent", "post " + reshareOf + " does not exist");
        }
        LinkedInContent.Outcome outcome = created.get();
        if (outcome instanceof LinkedInContent.Duplicate duplicate) {
            return duplicate(duplicate.existingUrn());
        }
        if (outcome instanceof LinkedInContent.Capped capped) {
            return dailyCap(capped.cap());
        }
        HeldPost post = ((LinkedInContent.Created) outcome).item();
        faults.afterAccept(Network.LINKEDIN, request);
        return Response.status(201).header("x-restli-id", post.id()).build();
    }

    /** The author finder: {@code ?q=author&author={urn}&count=&start=}, newest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response byAuthor(@Context HttpHeaders headers, @QueryParam("q") String q,
            @QueryParam("author") String author, @QueryParam("count") Integer count,
            @QueryParam("start") Integer start) {
        LinkedInGate.Passed passed = gate.check(headers);
        if (passed.refusal() != null) {
            return passed.refusal();
        }
        if (!"author".equals(q) || author == null || !AUTHOR.matcher(author).matches()) {
            return LinkedInGate.error(400, 100, null, "The finder needs q=author and an author URN");
        }
        int from = start == null ? 0 : Math.max(0, start);
        int size = count == null ? 10 : Math.max(1, Math.min(100, count));
        List<HeldPost> posts = content.posts(author);
        List<Map<String, Object>> page = posts.stream().skip(from).limit(size).map(LinkedInViews::post).toList();
        return Response.ok(LinkedInViews.page(page, from, size, posts.size())).build();
    }

    /** A schema error as LinkedIn words it: 422 with the field path. */
    static Response invalid(String field, String why) {
        return LinkedInGate.error(422, null, null, "ERROR :: " + field + " :: " + why);
    }

    private static Response duplicate(String existingUrn) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(Map.of(
                "errorDetailType", "com.linkedin.common.error.BadRequest",
                "message", "com.linkedin.content.common.exception.BadRequestResponseException: Content is a "
                        + "duplicate of " + existingUrn,
                "errorDetails", Map.of("inputErrors", List.of(Map.of("description", "Duplicate post is detected",
                        "input", Map.of(), "code", "DUPLICATE_POST"))),
                "status", 422)).build();
    }

    /** LinkedIn sends no rate-limit headers: only this 429 once the day's cap is reached. */
    static Response dailyCap(int cap) {
        return LinkedInGate.error(429, 101, "TOO_MANY_REQUESTS", "Resource level throttle DAY limit for calls to "
                + "this resource is reached (" + cap + " a day per author)");
    }
}
