package org.clearpost.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.config.SandboxConfig;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The X API v2 endpoints a publisher uses, with X's status codes, error bodies and rate-limit headers.
 * The order of checks follows X: authentication, then the rate limit (which counts refused calls too), then the
 * request itself.
 */
@Path("/2")
@Tag(name = "X API v2", description = "POST /2/tweets and reposts, as api.x.com answers them")
public class XApiResource {

    private static final Logger LOG = Logger.getLogger(XApiResource.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final PostStore store;
    private final RateLimits limits;
    private final SandboxConfig config;
    private final ObjectMapper mapper;

    XApiResource(PostStore store, RateLimits limits, SandboxConfig config, ObjectMapper mapper) {
        this.store = store;
        this.limits = limits;
        this.config = config;
        this.mapper = mapper;
    }

    /** Body: {@code {"text": "...", "reply": {"in_reply_to_tweet_id": "..."}, "quote_tweet_id": "..."}}. */
    @POST
    @Path("/tweets")
    public Response createTweet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/tweets", fingerprint);
        if (!rate.allowed()) {
            return withRate(Response.status(429).entity(problem("Too Many Requests", 429, "Too Many Requests")), rate);
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
        Optional<HeldPost> held = store.addTweet(fingerprint, value,
                textOrNull(json.get().path("reply").path("in_reply_to_tweet_id")),
                textOrNull(json.get().path("quote_tweet_id")));
        if (held.isEmpty()) {
            return withRate(Response.status(403).entity(problem("Forbidden", 403,
                    "You are not allowed to create a Tweet with duplicate content.")), rate);
        }
        LOG.infof("Held X post %s for token %s", held.get().id(), shortFingerprint(fingerprint));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", held.get().id());
        data.put("text", value);
        return withRate(Response.status(201).entity(Map.of("data", data)), rate);
    }

    /** Body: {@code {"tweet_id": "..."}}. The user id in the path is the reposting account; it is not checked. */
    @POST
    @Path("/users/{id}/retweets")
    public Response retweet(@PathParam("id") String userId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/users/:id/retweets", fingerprint);
        if (!rate.allowed()) {
            return withRate(Response.status(429).entity(problem("Too Many Requests", 429, "Too Many Requests")), rate);
        }
        String tweetId = parse(body).map(j -> textOrNull(j.path("tweet_id"))).orElse(null);
        if (tweetId == null || tweetId.isBlank()) {
            return withRate(invalidRequest("tweet_id", tweetId, "The `tweet_id` field is required."), rate);
        }
        HeldPost held = store.addRetweet(fingerprint, tweetId);
        LOG.infof("Held X repost %s of %s for token %s", held.id(), tweetId, shortFingerprint(fingerprint));
        return withRate(Response.ok(Map.of("data", Map.of("retweeted", true))), rate);
    }

    private static Optional<String> bearer(String authorization) {
        // An expired token is as good as none to X: both get the same 401.
        return Tokens.fromAuthorization(authorization, "Bearer").filter(t -> !Tokens.isExpired(t));
    }

    // X sends no rate headers when it cannot tell who is calling.
    private static Response unauthorized() {
        return Response.status(401).type(JSON).entity(problem("Unauthorized", 401, "Unauthorized")).build();
    }

    private static Response withRate(Response.ResponseBuilder builder, Decision rate) {
        return builder.type(JSON)
                .header("x-rate-limit-limit", rate.limit())
                .header("x-rate-limit-remaining", rate.remaining())
                .header("x-rate-limit-reset", rate.resetEpochSeconds())
                .build();
    }

    /** X's RFC 7807-style problem, e.g. {"title":"Forbidden","type":"about:blank","status":403,"detail":"..."}. */
    private static Map<String, Object> problem(String title, int status, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("type", "about:blank");
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }

    /** X's 400 body: {"errors":[{"parameters":{...},"message":...}],"title":"Invalid Request",...}. */
    private static Response.ResponseBuilder invalidRequest(String parameter, String value, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (parameter != null) {
            error.put("parameters", Map.of(parameter, value == null ? List.of() : List.of(value)));
        }
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return Response.status(400).entity(body);
    }

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
