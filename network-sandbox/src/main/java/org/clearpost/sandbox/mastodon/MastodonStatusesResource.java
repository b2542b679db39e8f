package org.clearpost.sandbox.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter;
import org.clearpost.sandbox.domain.Graphemes;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mastodon's {@code POST /api/v1/statuses}, JSON or form-encoded: {@code status}, {@code in_reply_to_id},
 * {@code media_ids[]}, {@code visibility}, {@code language}. An {@code Idempotency-Key} seen from the same token within
 * the window answers the status it made then, whatever the body says now (Mastodon's PostStatusService). Refusals are
 * Mastodon's {@code {"error": "..."}}: 401 for a refused token, 404 {@code Record not found} for an unknown
 * {@code in_reply_to_id}, 422 for validation; every answer carries {@code X-RateLimit-*}.
 */
@Path("/api/v1/statuses")
@Tag(name = "Mastodon", description = "Statuses and media of the sandbox instance's publishing API")
public class MastodonStatusesResource {

    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    /** Mastodon counts every URL as 23 characters, whatever its length. */
    private static final String URL_PLACEHOLDER = "x".repeat(23);

    private final MastodonSandboxConfig config;
    private final MastodonStatuses statuses;
    private final AccessGrants grants;
    private final PostStore store;
    private final PublishFaults faults;
    private final FixedWindowRateLimiter limiter;
    private final ObjectMapper json;

    MastodonStatusesResource(MastodonSandboxConfig config, MastodonStatuses statuses, AccessGrants grants,
            PostStore store, PublishFaults faults, MastodonRateLimit limit, ObjectMapper json) {
        this.config = config;
        this.statuses = statuses;
        this.grants = grants;
        this.store = store;
        this.faults = faults;
        this.limiter = limit.limiter();
        this.json = json;
    }

    private record Input(String status, String inReplyToId, List<String> mediaIds, String visibility,
            String language) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response postJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, String body, @Context HttpServerRequest request)
            throws IOException {
        JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
        List<String> ids = new ArrayList<>();
        node.path("media_ids").forEach(id -> ids.add(id.asText()));
        return post(authorization, key, new Input(text(node, "status"), text(node, "in_reply_to_id"), ids,
                text(node, "visibility"), text(node, "language")), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postForm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key, MultivaluedMap<String, String> form,
            @Context HttpServerRequest request) {
        List<String> ids = form.get("media_ids[]") == null ? List.of() : form.get("media_ids[]");
        return post(authorization, key, new Input(form.getFirst("status"), form.getFirst("in_reply_to_id"), ids,
                form.getFirst("visibility"), form.getFirst("language")), request);
    }

    private Response post(String authorization, String key, Input input, HttpServerRequest request) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        if (token.isEmpty() || grants.refusal(Network.MASTODON, token.get()).isPresent()) {
            return Response.status(401).type(JSON).entity(MastodonJson.error("The access token is invalid")).build();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limiter.acquire(fingerprint);
        if (!rate.allowed()) {
            return answer(429, MastodonJson.error("Too many requests"), rate);
        }
        String idempotencyKey = key == null || key.isBlank() ? null : key.strip();
        Optional<MastodonStatuses.Status> earlier = statuses.remembered(fingerprint, idempotencyKey);
        if (earlier.isPresent()) {
            return answer(200, write(MastodonJson.status(config, earlier.get())), rate);
        }
        String text = input.status() == null ? "" : input.status();
        if (text.isBlank() && input.mediaIds().isEmpty()) {
            return answer(422, MastodonJson.error("Validation failed: Text can't be blank"), rate);
        }
        if (Graphemes.count(URL.matcher(text).replaceAll(URL_PLACEHOLDER)) > config.maxCharacters()) {
            return answer(422, MastodonJson.error("Validation failed: Text character limit of "
                    + config.maxCharacters() + " exceeded"), rate);
        }
        String visibility = input.visibility() == null ? "public" : input.visibility();
        if (!VISIBILITIES.contains(visibility)) {
            return answer(422, MastodonJson.error("Validation failed: Visibility is not included in the list"), rate);
        }
        if (input.inReplyToId() != null && statuses.status(input.inReplyToId()).isEmpty()) {
            return answer(404, MastodonJson.error("Record not found"), rate);
        }
        if (input.mediaIds().size() > 4) {
            return answer(422, MastodonJson.error("Cannot attach more than 4 files"), rate);
        }
        List<MastodonStatuses.Media> media = new ArrayList<>();
        Instant now = statuses.now();
        for (String id : input.mediaIds()) {
            Optional<MastodonStatuses.Media> m = statuses.media(fingerprint, id).filter(x -> x.statusId() == null);
            if (m.isEmpty()) {
                return answer(422, MastodonJson.error("Media " + id
                        + " not found or already attached to another post"), rate);
            }
            if (!m.get().ready(now)) {
                return answer(422, MastodonJson.error(
                        "Cannot attach files that have not finished processing. Try again in a moment!"), rate);
            }
            media.add(m.get());
        }
        if (media.size() > 1 && media.stream().anyMatch(m -> !m.type().equals("image"))) {
            return answer(422, MastodonJson.error("Cannot attach a video to a post that already contains images"),
                    rate);
        }
        MastodonStatuses.Status status = statuses.postOnce(fingerprint, idempotencyKey, () -> {
            MastodonStatuses.Status made = new MastodonStatuses.Status(Ids.next(), fingerprint, text,
                    input.inReplyToId(), visibility, input.language(), media, now);
            store.hold(held(made));
            return made;
        });
        faults.afterAccept(Network.MASTODON, request);
        return answer(200, write(MastodonJson.status(config, status)), rate);
    }

    private HeldPost held(MastodonStatuses.Status s) {
        List<HeldMedia> media = s.media().stream().map(m -> new HeldMedia(m.id(), m.contentType(), m.size(),
                m.sha256(), null, m.description())).toList();
        HeldPost.Kind kind = s.media().stream().anyMatch(m -> m.type().equals("video")) ? HeldPost.Kind.VIDEO
                : s.inReplyToId() != null ? HeldPost.Kind.REPLY : HeldPost.Kind.POST;
        return new HeldPost(Network.MASTODON, s.id(), kind, config.username(), s.text(), null, null, s.inReplyToId(),
                null, null, null, media, MastodonJson.statusUrl(config, s.id()), s.fingerprint(), s.createdAt());
    }

    private Response answer(int status, String body, Decision rate) {
        return MastodonJson.withRate(Response.status(status).type(JSON).entity(body), rate).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
