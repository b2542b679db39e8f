package org.clearpost.sandbox.threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.Tokens;
import org.clearpost.sandbox.metrics.GraphResponses;
import org.clearpost.sandbox.threads.ThreadsStore.Refusal;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The Threads API ({@code graph.threads.net/v1.0}) under {@code /threads/v1.0}: containers
 * ({@code POST /{user-id}/threads}), publishing ({@code POST /{user-id}/threads_publish?creation_id=}), a
 * container's status and a post's fields ({@code GET /{id}?fields=}), and the user's posts and replies
 * ({@code GET /{user-id}/threads}, {@code /replies}). Parameters in the query string, a urlencoded form or a JSON
 * body; the token as {@code access_token} or {@code Authorization: Bearer}. {@code me} is the token's user.
 */
@Path("/threads/v1.0")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Threads API", description = "Containers, publishing, status and posts, as graph.threads.net answers")
public class ThreadsApiResource {

    private static final Logger LOG = Logger.getLogger(ThreadsApiResource.class);
    private static final int DEFAULT_LIMIT = 25;

    private final ThreadsStore store;
    private final ContainerFactory containers;
    private final AccessGrants grants;
    private final PublishFaults faults;
    private final ObjectMapper mapper;

    ThreadsApiResource(ThreadsStore store, ContainerFactory containers, AccessGrants grants, PublishFaults faults,
            ObjectMapper mapper) {
        this.store = store;
        this.containers = containers;
        this.grants = grants;
        this.faults = faults;
        this.mapper = mapper;
    }

    /** Makes a media container: {@code {"id": "<container id>"}}. */
    @POST
    @Path("/{userId}/threads")
    public Response createContainer(@PathParam("userId") String userId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        Map<String, String> params = params(uri, headers, body);
        Optional<String> fingerprint = fingerprint(headers, params);
        if (fingerprint.isEmpty()) {
            return refusedToken(headers, params);
        }
        Object made = containers.create(fingerprint.get(), user(userId, fingerprint.get()), params);
        if (made instanceof Refusal refusal) {
            return error(refusal);
        }
        return Response.ok(Map.of("id", ((ThreadsContainer) made).id())).build();
    }

    /** Publishes a ready container: {@code {"id": "<media id>"}}. */
    @POST
    @Path("/{userId}/threads_publish")
    public Response publish(@PathParam("userId") String userId, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest request, String body) {
        Map<String, String> params = params(uri, headers, body);
        Optional<String> fingerprint = fingerprint(headers, params);
        if (fingerprint.isEmpty()) {
            return refusedToken(headers, params);
        }
        String creationId = params.get("creation_id");
        if (creationId == null || creationId.isBlank()) {
            return error(Refusal.badParam("(#100) The parameter creation_id is required"));
        }
        Object made = store.publish(fingerprint.get(), creationId.strip());
        if (made instanceof Refusal refusal) {
            return error(refusal);
        }
        HeldPost post = (HeldPost) made;
        LOG.infof("Held Threads post %s from container %s", post.id(), creationId.strip());
        faults.afterAccept(Network.THREADS, request);
        return Response.ok(Map.of("id", post.id())).build();
    }

    /** A container's {@code status} / {@code error_message}, or a post's fields ({@code permalink}, {@code text}...). */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
        Map<String, String> params = params(uri, headers, null);
        Optional<String> fingerprint = fingerprint(headers, params);
        if (fingerprint.isEmpty()) {
            return refusedToken(headers, params);
        }
        Set<String> fields = fields(params.get("fields"));
        Optional<ThreadsContainer> container = store.container(id)
                .filter(c -> c.fingerprint().equals(fingerprint.get()));
        if (container.isPresent()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            if (fields.contains("status")) {
                answer.put("status", store.status(container.get()));
            }
            if (fields.contains("error_message") && container.get().errorMessage() != null) {
                answer.put("error_message", container.get().errorMessage());
            }
            return Response.ok(answer).build();
        }
        Optional<HeldPost> post = store.post(id);
        if (post.isEmpty()) {
            return error(Refusal.notFound(id));
        }
        if (fields.contains("status") || fields.contains("error_message")) {
            // A published media object is not a container: Threads has no status on it.
            return error(Refusal.badParam("(#100) Tried accessing nonexisting field (status) on node type "
                    + "(ThreadsMedia)"));
        }
        return Response.ok(select(store.fields(post.get()), fields)).build();
    }

    /** The user's own posts, newest first: {@code {"data": [...], "paging": {}}}; {@code since} in Unix seconds. */
    @GET
    @Path("/{userId}/threads")
    public Response threads(@PathParam("userId") String userId, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return list(headers, uri, false);
    }

    /** The user's replies, newest first, shaped as {@code /threads}. */
    @GET
    @Path("/{userId}/replies")
    public Response replies(@PathParam("userId") String userId, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return list(headers, uri, true);
    }

    private Response list(HttpHeaders headers, UriInfo uri, boolean replies) {
        Map<String, String> params = params(uri, headers, null);
        Optional<String> fingerprint = fingerprint(headers, params);
        if (fingerprint.isEmpty()) {
            return refusedToken(headers, params);
        }
        Instant since;
        int limit;
        try {
            since = parseTime(params.get("since"));
            limit = params.get("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(params.get("limit"));
        } catch (NumberFormatException | DateTimeParseException e) {
            return error(Refusal.badParam("(#100) since must be a Unix time or ISO 8601, limit a number"));
        }
        if (limit < 1 || limit > 100) {
            return error(Refusal.badParam("(#100) limit must be between 1 and 100"));
        }
        Set<String> fields = fields(params.get("fields"));
        List<Map<String, Object>> data = store.posts(fingerprint.get(), replies, since).stream().limit(limit)
                .map(p -> select(store.fields(p), fields)).toList();
        return Response.ok(Map.of("data", data, "paging", Map.of())).build();
    }

    private Optional<String> fingerprint(HttpHeaders headers, Map<String, String> params) {
        Optional<String> token = GraphResponses.token(headers, params.get("access_token"));
        if (token.isEmpty() || grants.refusal(Network.THREADS, token.get()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Tokens.fingerprint(token.get()));
    }

    /** Graph's 401 for a missing or refused token: code 190 (invalid token), as Threads answers. */
    private Response refusedToken(HttpHeaders headers, Map<String, String> params) {
        String why = grants.refusal(Network.THREADS,
                GraphResponses.token(headers, params.get("access_token")).orElse(null)).orElse("refused");
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .entity(GraphResponses.errorBody("Error validating access token: " + why, 190, null, false))
                .build();
    }

    private static Response error(Refusal refusal) {
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON).entity(GraphResponses.errorBody(
                refusal.message(), refusal.code(), refusal.subcode(), refusal.transientError())).build();
    }

    private static String user(String userId, String fingerprint) {
        return "me".equals(userId) ? ThreadsStore.userId(fingerprint) : userId;
    }

    private static Set<String> fields(String value) {
        return value == null ? Set.of("id") : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static Map<String, Object> select(Map<String, Object> all, Set<String> fields) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if ("id".equals(name) || fields.contains(name)) {
                chosen.put(name, value);
            }
        });
        return chosen;
    }

    private static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(value.strip()))
                : Instant.parse(value.strip());
    }

    /** Query parameters, then a urlencoded or JSON body's (a JSON array such as {@code children} comma-joined). */
    private Map<String, String> params(UriInfo uri, HttpHeaders headers, String body) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        MediaType type = headers.getMediaType();
        if (body == null || body.isBlank() || type == null) {
            return params;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } else if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            try {
                mapper.readTree(body).fields().forEachRemaining(field -> params.put(field.getKey(),
                        text(field.getValue())));
            } catch (IOException e) {
                // Not JSON: Graph ignores a body it cannot read, and the missing parameters say what is wrong.
            }
        }
        return params;
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(item -> joined.append(joined.isEmpty() ? "" : ",").append(item.asText()));
            return joined.toString();
        }
        return node.isNull() ? null : node.asText();
    }
}
