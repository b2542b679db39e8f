package org.clearpost.sandbox.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A Page post's engagement as the Graph API answers it: {@code GET /{version}/{post-id}/insights?metric=...}
 * (lifetime values of the current metrics: {@code post_media_view}, {@code post_total_media_view_unique},
 * {@code post_clicks}, {@code post_clicks_by_type}) and {@code GET /{version}/{post-id}?fields=...} for
 * {@code reactions.summary(true)}, {@code comments.summary(true)} and {@code shares}. Any other metric, the removed
 * {@code post_impressions} and {@code post_impressions_unique} among them, fails the whole request with Graph's
 * {@code (#100) The value must be a valid insights metric}.
 */
@Path("/")
@Tag(name = "Facebook Graph API metrics", description = "Page post insights and reaction, comment, share counts")
public class GraphMetricsResource {

    /** The post insights metrics Graph still serves (lifetime period). */
    static final Set<String> CURRENT = Set.of("post_media_view", "post_total_media_view_unique", "post_clicks",
            "post_clicks_by_type");

    private final PostStore store;
    private final ReadFaults faults;
    private final Set<String> withdrawn;
    private final Clock clock = Clock.systemUTC();

    GraphMetricsResource(PostStore store, ReadFaults faults, MetricsSandboxConfig config) {
        this.store = store;
        this.faults = faults;
        this.withdrawn = Set.copyOf(config.facebookWithdrawnMetrics().orElse(List.of()));
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{postId}/insights")
    public Response insights(@PathParam("postId") String postId, @QueryParam("metric") String metric,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers) {
        Read read = read(headers, accessToken, postId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        List<String> metrics = metric == null || metric.isBlank() ? List.of()
                : List.of(metric.replace("[", "").replace("]", "").replace("\"", "").split(","));
        if (metrics.isEmpty()) {
            return error(400, "No metric was specified to be fetched. Please specify one or more metrics to be "
                    + "fetched and try again.", 3001, 1504028, false);
        }
        for (String m : metrics) {
            if (!CURRENT.contains(m.strip()) || withdrawn.contains(m.strip())) {
                return error(400, "(#100) The value must be a valid insights metric", 100, null, false);
            }
        }
        EngagementCurve.Counts c = counts(read.post());
        List<Map<String, Object>> data = new ArrayList<>();
        for (String m : metrics) {
            String name = m.strip();
            Object value = switch (name) {
                case "post_media_view" -> c.views();
                case "post_total_media_view_unique" -> c.viewers();
                case "post_clicks" -> c.linkClicks() + c.otherClicks();
                default -> clicksByType(c);
            };
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            item.put("period", "lifetime");
            item.put("values", List.of(Map.of("value", value)));
            item.put("title", title(name));
            item.put("description", "Lifetime: " + title(name));
            item.put("id", postId + "/insights/" + name + "/lifetime");
            data.add(item);
        }
        return Response.ok(Map.of("data", data, "paging", Map.of())).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{postId}")
    public Response fields(@PathParam("postId") String postId, @QueryParam("fields") String fields,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers) {
        Read read = read(headers, accessToken, postId);
        if (read.refusal() != null) {
            return read.refusal();
        }
        EngagementCurve.Counts c = counts(read.post());
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : splitFields(fields == null ? "" : fields)) {
            String name = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
            switch (name) {
                case "reactions" -> body.put("reactions", Map.of("data", List.of(),
                        "summary", Map.of("total_count", c.likes(), "viewer_reaction", "NONE")));
                case "comments" -> body.put("comments", Map.of("data", List.of(),
                        "summary", Map.of("order", "ranked", "total_count", c.replies(), "can_comment", true)));
                // Graph leaves shares out altogether while a post has none.
                case "shares" -> {
                    if (c.reposts() > 0) {
                        body.put("shares", Map.of("count", c.reposts()));
                    }
                }
                case "message" -> body.put("message", read.post().text());
                case "created_time" -> body.put("created_time", read.post().receivedAt().toString());
                default -> {
                    if (!name.equals("id")) {
                        return error(400, "(#100) Tried accessing nonexisting field (" + name + ") on node type "
                                + "(PagePost)", 100, null, false);
                    }
                }
            }
        }
        body.put("id", postId);
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }

    private EngagementCurve.Counts counts(HeldPost post) {
        return EngagementCurve.at(post.id(), Duration.between(post.receivedAt(), clock.instant()));
    }

    private static Map<String, Object> clicksByType(EngagementCurve.Counts c) {
        Map<String, Object> byType = new LinkedHashMap<>();
        byType.put("link clicks", c.linkClicks());
        byType.put("other clicks", c.otherClicks());
        return byType;
    }

    private static String title(String metric) {
        return switch (metric) {
            case "post_media_view" -> "Post media views";
            case "post_total_media_view_unique" -> "Post media viewers";
            case "post_clicks" -> "Post clicks";
            default -> "Post clicks by type";
        };
    }

    /** Splits on the commas between fields, not those inside a field's modifiers. */
    private static List<String> splitFields(String fields) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : fields.toCharArray()) {
            if (ch == '(' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == '}') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private Optional<HeldPost> pagePost(String postId) {
        return store.get(postId).filter(p -> p.network() == Network.FACEBOOK && p.kind() != HeldPost.Kind.COMMENT);
    }

    /** The page post a read is about, or Graph's answer when the token is refused or there is no such post. */
    private record Read(HeldPost post, Response refusal) {
    }

    private Read read(HttpHeaders headers, String accessToken, String postId) {
        Optional<Response> refused = refuse(headers, accessToken);
        if (refused.isPresent()) {
            return new Read(null, refused.get());
        }
        return pagePost(postId).map(post -> new Read(post, null)).orElseGet(() -> new Read(null, missing(postId)));
    }

    private static Response missing(String postId) {
        return error(400, "Unsupported get request. Object with ID '" + postId + "' does not exist, cannot be loaded "
                + "due to missing permissions, or does not support this operation. Please read the Graph API "
                + "documentation at https://developers.facebook.com/docs/graph-api", 100, 33, false);
    }

    /** No token, an expired one, or a failure scripted for this token. */
    private Optional<Response> refuse(HttpHeaders headers, String accessToken) {
        Optional<String> token = GraphResponses.token(headers, accessToken);
        if (token.isEmpty()) {
            return Optional.of(error(400, "An active access token must be used to query information about the "
                    + "current user.", 2500, null, false));
        }
        if (Tokens.isExpired(token.get())) {
            return Optional.of(error(400, "Error validating access token: Session has expired.", 190, 463, false));
        }
        return faults.next(Tokens.fingerprint(token.get())).map(status -> status == 429
                ? error(400, "(#4) Application request limit reached", 4, null, false)
                : error(500, "An unexpected error has occurred. Please retry your request later.", 2, null, true));
    }

    /** Graph's error body: {"error":{"message","type","code",["error_subcode"],["is_transient"],"fbtrace_id"}}. */
    static Response error(int status, String message, int code, Integer subcode, boolean transientError) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(GraphResponses.errorBody(message, code, subcode, transientError)).build();
    }

}
