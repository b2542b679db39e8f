package org.clearpost.sandbox.rest;

import static org.clearpost.sandbox.x.XResponses.JSON;
import static org.clearpost.sandbox.x.XResponses.bearer;
import static org.clearpost.sandbox.x.XResponses.invalidRequest;
import static org.clearpost.sandbox.x.XResponses.problem;
import static org.clearpost.sandbox.x.XResponses.tooManyRequests;
import static org.clearpost.sandbox.x.XResponses.unauthorized;
import static org.clearpost.sandbox.x.XResponses.withRate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.config.SandboxConfig;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The X API v2 endpoints a publisher uses, with X's status codes, error bodies and rate-limit headers. A post and a
 * repost honour an armed drop-after-accept fault ({@link PublishFaults}); video comes through the chunked upload of
 * {@code org.clearpost.sandbox.x.XMediaUploadResource}, and the user timeline a publisher reconciles against is
 * {@code org.clearpost.sandbox.x.XTimelineResource}.
 * The order of checks follows X: authentication, then the rate limit (which counts refused calls too), then the
 * request itself.
 */
@Path("/2")
@Tag(name = "X API v2", description = "Posts, media upload, reposts and users/me, as api.x.com answers them")
public class XApiResource {

    private static final Logger LOG = Logger.getLogger(XApiResource.class);
    private static final int MAX_MEDIA = 4;
    private static final int MAX_ALT_TEXT = 1000;
    private static final Set<String> MEDIA_CATEGORIES = Set.of("tweet_image", "tweet_gif", "tweet_video",
            "amplify_video", "dm_image", "dm_gif", "dm_video", "subtitles");

    // A field, not a constructor parameter: an access token issued by the sandbox's OAuth server expires (oauth).
    @jakarta.inject.Inject
    org.clearpost.sandbox.domain.AccessGrants grants;

    private final PostStore store;
    private final RateLimits limits;
    private final SandboxConfig config;
    private final ObjectMapper mapper;
    private final PublishFaults faults;

    XApiResource(PostStore store, RateLimits limits, SandboxConfig config, ObjectMapper mapper,
            PublishFaults faults) {
        this.faults = faults;
        this.store = store;
        this.limits = limits;
        this.config = config;
        this.mapper = mapper;
    }

    /** Body: {@code {"text": "...", "reply": {"in_reply_to_tweet_id": "..."}, "quote_tweet_id": "..."}}. */
    @POST
    @Path("/tweets")
    public Response createTweet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body,
            @Context HttpServerRequest request) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty() || grants.refusal(org.clearpost.sandbox.domain.Network.X, token.get()).isPresent()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/tweets", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        Optional<JsonNode> json = parse(body);
        if (json.isEmpty()) {
            return withRate(invalidRequest(null, null, "Request body must be a JSON object."), rate);
        }
        JsonNode text = json.get().path("text");
        if (!text.isTextual() || text.asText().isEmpty()) {
            return withRate(invalidRequest("text", text.isMissingNode() ? null : text.asText(),
                    "The `text` field is required and must not be empty."), rate);
        }
        int max = config.x().maxTextLength();
        String value = text.asText();
        if (value.codePointCount(0, value.length()) > max) {
            return withRate(invalidRequest("text", value,
                    "The `text` field must be at most " + max + " characters."), rate);
        }
        JsonNode mediaIds = json.get().path("media").path("media_ids");
        List<String> ids = new ArrayList<>();
        mediaIds.forEach(id -> ids.add(id.asText()));
        if (!mediaIds.isMissingNode() && (!mediaIds.isArray() || ids.isEmpty() || ids.size() > MAX_MEDIA)) {
            return withRate(invalidRequest("media.media_ids", mediaIds.toString(),
                    "The `media.media_ids` field must hold 1 to " + MAX_MEDIA + " media ids."), rate);
        }
        Optional<List<HeldMedia>> media = store.xMedia(fingerprint, ids);
        if (media.isEmpty()) {
            return withRate(invalidRequest("media.media_ids", String.join(",", ids), "Your media IDs are invalid."),
                    rate);
        }
        Optional<HeldPost> held = store.addTweet(fingerprint, value,
                textOrNull(json.get().path("reply").path("in_reply_to_tweet_id")),
                textOrNull(json.get().path("quote_tweet_id")), media.get());
        if (held.isEmpty()) {
            return withRate(Response.status(403).entity(problem("Forbidden", 403,
                    "You are not allowed to create a Tweet with duplicate content.")), rate);
        }
        LOG.infof("Held X post %s for token %s", held.get().id(), shortFingerprint(fingerprint));
        faults.afterAccept(Network.X, request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", held.get().id());
        data.put("text", value);
        return withRate(Response.status(201).entity(Map.of("data", data)), rate);
    }

    /**
     * Body: {@code {"tweet_id": "..."}}. The user id in the path must be the token's own ({@code GET /2/users/me}),
     * as on X, which answers 403 otherwise.
     */
    @POST
    @Path("/users/{id}/retweets")
    public Response retweet(@PathParam("id") String userId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body,
            @Context HttpServerRequest request) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/users/:id/retweets", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (!store.xUser(fingerprint).id().equals(userId)) {
            return withRate(Response.status(403).entity(problem("Forbidden", 403,
                    "You are not permitted to perform this action.")), rate);
        }
        String tweetId = parse(body).map(j -> textOrNull(j.path("tweet_id"))).orElse(null);
        if (tweetId == null || tweetId.isBlank()) {
            return withRate(invalidRequest("tweet_id", tweetId, "The `tweet_id` field is required."), rate);
        }
        HeldPost held = store.addRetweet(fingerprint, tweetId);
        LOG.infof("Held X repost %s of %s for token %s", held.id(), tweetId, shortFingerprint(fingerprint));
        faults.afterAccept(Network.X, request);
        return withRate(Response.ok(Map.of("data", Map.of("retweeted", true))), rate);
    }

    /** The user the token acts for: {@code {"data":{"id","name","username"}}}. */
    @GET
    @Path("/users/me")
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("GET /2/users/me", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        return withRate(Response.ok(Map.of("data", store.xUser(fingerprint))), rate);
    }

    /**
     * One-shot upload (multipart {@code media} and {@code media_category}): {@code {"data":{"id","media_key","size",
     * "expires_after_secs"}}}. The media id may then go on a post of the same token.
     */
    @POST
    @Path("/media/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadMedia(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestForm("media") FileUpload media, @RestForm("media_category") String category) throws IOException {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/media/upload", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (media == null) {
            return withRate(invalidRequest("media", null, "The `media` field is required."), rate);
        }
        if (category != null && !MEDIA_CATEGORIES.contains(category)) {
            return withRate(invalidRequest("media_category", category,
                    "The `media_category` field must be one of " + MEDIA_CATEGORIES + "."), rate);
        }
        HeldMedia held = store.uploadXMedia(fingerprint, media.contentType(),
                Files.readAllBytes(media.uploadedFile()));
        LOG.infof("Held X media %s (%d bytes) for token %s", held.mediaId(), held.sizeBytes(),
                shortFingerprint(fingerprint));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", held.mediaId());
        data.put("media_key", "3_" + held.mediaId());
        data.put("size", held.sizeBytes());
        data.put("expires_after_secs", 86_400);
        return withRate(Response.ok(Map.of("data", data)), rate);
    }

    /** Body: {@code {"id": "<media id>", "metadata": {"alt_text": {"text": "..."}}}}; alt text up to 1,000 chars. */
    @POST
    @Path("/media/metadata")
    public Response mediaMetadata(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/media/metadata", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        Optional<JsonNode> json = parse(body);
        String id = json.map(j -> textOrNull(j.path("id"))).orElse(null);
        String altText = json.map(j -> textOrNull(j.path("metadata").path("alt_text").path("text"))).orElse(null);
        if (id == null || altText == null) {
            return withRate(invalidRequest(id == null ? "id" : "metadata.alt_text.text", null,
                    "The `id` and `metadata.alt_text.text` fields are required."), rate);
        }
        if (altText.codePointCount(0, altText.length()) > MAX_ALT_TEXT) {
            return withRate(invalidRequest("metadata.alt_text.text", altText,
                    "The alt text must be at most " + MAX_ALT_TEXT + " characters."), rate);
        }
        Optional<HeldMedia> described = store.describeXMedia(fingerprint, id, altText);
        if (described.isEmpty()) {
            return withRate(invalidRequest("id", id, "Your media IDs are invalid."), rate);
        }
        return withRate(Response.ok(Map.of("data", Map.of("id", id,
                "associated_metadata", Map.of("alt_text", Map.of("text", altText))))), rate);
    }
    /** X's RFC 7807-style problem, e.g. {"title":"Forbidden","type":"about:blank","status":403,"detail":"..."}. */
    /** X's 400 body: {"errors":[{"parameters":{...},"message":...}],"title":"Invalid Request",...}. */
    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    static String shortFingerprint(String fingerprint) {
        return fingerprint.substring(0, 12);
    }
}
