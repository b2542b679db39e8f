package org.clearpost.sandbox.facebook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Graph API's read edges the gap reconciler uses, over what the Facebook firehose made:
 * {@code GET /graph/{version}/{page-id}/published_posts} (newest first) and
 * {@code GET /graph/{version}/{post-id}/comments} ({@code order=chronological} by default, or
 * {@code reverse_chronological}; {@code filter=stream} accepted: every comment is top level here). Both take
 * {@code since}/{@code until} (Unix seconds or ISO-8601), {@code limit} (1-100, default 25) and {@code after}, and
 * answer Graph's shape: {@code {"data":[..],"paging":{"cursors":{"before","after"},"next":<url>}}}, {@code next}
 * only when there is more. The token as {@code access_token} or {@code Authorization: Bearer|OAuth}.
 */
@Path("/graph")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facebook Graph API (read)", description = "Page posts and their comments, paged as Graph pages them")
public class GraphReadResource {

    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    private final FacebookFirehose firehose;

    GraphReadResource(FacebookFirehose firehose) {
        this.firehose = firehose;
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{pageId}/published_posts")
    public Response publishedPosts(@PathParam("pageId") String pageId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<Response> refused = refuse(headers, accessToken);
        if (refused.isPresent()) {
            return refused.get();
        }
        Window window = window(since, until);
        if (window == null) {
            return graphError("(#100) since and until must be Unix times or ISO-8601", 100, null);
        }
        List<FacebookPage.Post> posts = pageId.equals(firehose.pageId()) ? new ArrayList<>(firehose.page().posts())
                : new ArrayList<>();
        posts.sort(Comparator.comparing(FacebookPage.Post::createdTime).reversed());
        List<Map<String, Object>> data = new ArrayList<>();
        for (FacebookPage.Post post : posts) {
            if (window.holds(post.createdTime())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("created_time", GRAPH_TIME.format(post.createdTime()));
                item.put("message", post.message());
                item.put("id", post.id());
                data.add(item);
            }
        }
        return page(data, limit, after, uri);
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{postId}/comments")
    public Response comments(@PathParam("postId") String postId, @QueryParam("order") String order,
            @QueryParam("since") String since, @QueryParam("until") String until, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @QueryParam("access_token") String accessToken,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<Response> refused = refuse(headers, accessToken);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!firehose.page().hasPost(postId)) {
            return graphError("Unsupported get request. Object with ID '" + postId + "' does not exist, cannot be "
                    + "loaded due to missing permissions, or does not support this operation.", 100, 33);
        }
        Window window = window(since, until);
        if (window == null) {
            return graphError("(#100) since and until must be Unix times or ISO-8601", 100, null);
        }
        List<FacebookPage.Comment> comments = new ArrayList<>(firehose.page().comments(postId));
        if ("reverse_chronological".equals(order)) {
            java.util.Collections.reverse(comments);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (FacebookPage.Comment comment : comments) {
            if (window.holds(comment.createdTime())) {
                Map<String, Object> from = new LinkedHashMap<>();
                from.put("name", comment.fromName());
                from.put("id", comment.fromId());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("created_time", GRAPH_TIME.format(comment.createdTime()));
                item.put("from", from);
                item.put("message", comment.message());
                item.put("id", comment.id());
                data.add(item);
            }
        }
        return page(data, limit, after, uri);
    }

    /** Graph compares whole seconds: since is inclusive, until exclusive of the next second. */
    private record Window(Long since, Long until) {
        boolean holds(Instant t) {
            long s = t.getEpochSecond();
            return (since == null || s >= since) && (until == null || s <= until);
        }
    }

    private static Window window(String since, String until) {
        try {
            return new Window(seconds(since), seconds(until));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Long seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.matches("-?\\d{1,12}")) {
            return Long.parseLong(value);
        }
        return OffsetDateTime.parse(value).toEpochSecond();
    }

    static Response page(List<Map<String, Object>> all, Integer limit, String after, UriInfo uri) {
        int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
        int from = after == null ? 0 : decode(after) + 1;
        if (from < 0) {
            return graphError("(#100) The after cursor is not valid", 100, null);
        }
        List<Map<String, Object>> data = from >= all.size() ? List.of()
                : all.subList(from, Math.min(all.size(), from + size));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        if (!data.isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            int last = from + data.size() - 1;
            paging.put("cursors", Map.of("before", encode(from), "after", encode(last)));
            if (last + 1 < all.size()) {
                paging.put("next", uri.getRequestUriBuilder().replaceQueryParam("after", encode(last)).build()
                        .toString());
            }
            answer.put("paging", paging);
        }
        return Response.ok(answer).build();
    }

    // Opaque to clients, as Graph's are; here the position in the list.
    private static String encode(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("pos:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith("pos:") ? Integer.parseInt(text.substring(4)) : -2;
        } catch (IllegalArgumentException e) {
            return -2;
        }
    }

    static Optional<Response> refuse(HttpHeaders headers, String accessToken) {
        Optional<String> token = Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                "Bearer", "OAuth").or(() -> Tokens.nonBlank(accessToken));
        if (token.isEmpty()) {
            return Optional.of(graphError("An access token is required to request this resource.", 104, null));
        }
        if (Tokens.isExpired(token.get())) {
            return Optional.of(graphError("Error validating access token: Session has expired.", 190, 463));
        }
        return Optional.empty();
    }

    private static Response graphError(String message, int code, Integer subcode) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", code == 100 ? "GraphMethodException" : "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "A" + Long.toHexString(System.nanoTime()));
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }
}
