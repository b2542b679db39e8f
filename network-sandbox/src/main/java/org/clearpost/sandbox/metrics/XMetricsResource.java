package org.clearpost.sandbox.metrics;

import static org.clearpost.sandbox.x.XResponses.JSON;
import static org.clearpost.sandbox.x.XResponses.bearer;
import static org.clearpost.sandbox.x.XResponses.invalidRequest;
import static org.clearpost.sandbox.x.XResponses.problem;
import static org.clearpost.sandbox.x.XResponses.tooManyRequests;
import static org.clearpost.sandbox.x.XResponses.unauthorized;
import static org.clearpost.sandbox.x.XResponses.withRate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /2/tweets?ids=...&tweet.fields=public_metrics,non_public_metrics,organic_metrics}: the posts' engagement
 * as X answers it. {@code public_metrics} for any caller; {@code non_public_metrics} and {@code organic_metrics} only
 * for the author's own user token and only for posts under 30 days old, else X's "Field Authorization Error" for
 * that post (which is then left out of {@code data}). A post that is not held (or was deleted) is a "Not Found
 * Error" in {@code errors}, with 200, as X answers a look-up by ids.
 */
@Path("/2")
@Tag(name = "X API v2 metrics", description = "Post look-up with public, non-public and organic metrics")
public class XMetricsResource {

    static final Duration PRIVATE_METRICS_WINDOW = Duration.ofDays(30);
    private static final Set<String> PRIVATE_FIELDS = Set.of("non_public_metrics", "organic_metrics",
            "promoted_metrics");

    private final PostStore store;
    private final RateLimits limits;
    private final ReadFaults faults;
    private final Clock clock = Clock.systemUTC();

    XMetricsResource(PostStore store, RateLimits limits, ReadFaults faults) {
        this.store = store;
        this.limits = limits;
        this.faults = faults;
    }

    @GET
    @Path("/tweets")
    public Response lookup(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("ids") String ids, @QueryParam("tweet.fields") String tweetFields) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Optional<Integer> fault = faults.next(fingerprint);
        if (fault.isPresent() && fault.get() == 429) {
            return Response.status(429).type(JSON).entity(problem("Too Many Requests", 429, "Too Many Requests"))
                    .header("x-rate-limit-limit", 1).header("x-rate-limit-remaining", 0)
                    .header("x-rate-limit-reset", clock.instant().plusSeconds(1).getEpochSecond()).build();
        }
        if (fault.isPresent()) {
            return Response.status(fault.get()).type(JSON)
                    .entity(problem("Service Unavailable", fault.get(), "Service Unavailable")).build();
        }
        Decision rate = limits.x("GET /2/tweets", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        List<String> idList = ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
        if (idList.isEmpty() || idList.size() > 100) {
            return withRate(invalidRequest("ids", ids, "The number of values in the `ids` query parameter list ["
                    + idList.size() + "] is not between 1 and 100"), rate);
        }
        for (String id : idList) {
            if (!id.matches("[0-9]{1,19}")) {
                return withRate(invalidRequest("ids", id, "The `ids` query parameter value [" + id + "] is not valid"),
                        rate);
            }
        }
        Set<String> fields = new LinkedHashSet<>();
        if (tweetFields != null) {
            for (String f : tweetFields.split(",")) {
                fields.add(f.strip());
            }
        }
        String caller = store.xUser(fingerprint).username();
        List<Map<String, Object>> data = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : new LinkedHashSet<>(idList)) {
            Optional<HeldPost> held = store.get(id).filter(p -> p.network() == Network.X);
            if (held.isEmpty()) {
                errors.add(notFound(id));
                continue;
            }
            HeldPost post = held.get();
            Duration age = Duration.between(post.receivedAt(), now);
            List<String> refused = new ArrayList<>();
            for (String field : fields) {
                if (PRIVATE_FIELDS.contains(field)
                        && (!caller.equals(post.account()) || age.compareTo(PRIVATE_METRICS_WINDOW) >= 0)) {
                    refused.add(field);
                }
            }
            if (!refused.isEmpty()) {
                refused.forEach(field -> errors.add(fieldAuthorization(id, field)));
                continue;
            }
            data.add(tweet(post, fields, EngagementCurve.at(id, age)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            body.put("data", data);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return withRate(Response.ok(body), rate);
    }

    private static Map<String, Object> tweet(HeldPost post, Set<String> fields, EngagementCurve.Counts c) {
        Map<String, Object> tweet = new LinkedHashMap<>();
        tweet.put("id", post.id());
        tweet.put("text", post.text() == null ? "" : post.text());
        tweet.put("edit_history_tweet_ids", List.of(post.id()));
        if (fields.contains("created_at")) {
            tweet.put("created_at", post.receivedAt().toString());
        }
        if (fields.contains("public_metrics")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("retweet_count", c.reposts());
            m.put("reply_count", c.replies());
            m.put("like_count", c.likes());
            m.put("quote_count", c.quotes());
            m.put("bookmark_count", c.bookmarks());
            m.put("impression_count", c.views());
            tweet.put("public_metrics", m);
        }
        if (fields.contains("non_public_metrics")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("impression_count", c.views());
            m.put("url_link_clicks", c.linkClicks());
            m.put("user_profile_clicks", c.profileClicks());
            m.put("engagements", c.engagements());
            tweet.put("non_public_metrics", m);
        }
        if (fields.contains("organic_metrics")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("impression_count", c.views());
            m.put("like_count", c.likes());
            m.put("reply_count", c.replies());
            m.put("retweet_count", c.reposts());
            m.put("url_link_clicks", c.linkClicks());
            m.put("user_profile_clicks", c.profileClicks());
            tweet.put("organic_metrics", m);
        }
        return tweet;
    }

    private static Map<String, Object> notFound(String id) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", id);
        e.put("detail", "Could not find tweet with ids: [" + id + "].");
        e.put("title", "Not Found Error");
        e.put("resource_type", "tweet");
        e.put("parameter", "ids");
        e.put("resource_id", id);
        e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
        return e;
    }

    private static Map<String, Object> fieldAuthorization(String id, String field) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", id);
        e.put("detail", "Sorry, you are not authorized to access '" + field + "' on the Tweet with ids [" + id
                + "].");
        e.put("title", "Field Authorization Error");
        e.put("resource_type", "tweet");
        e.put("parameter", field);
        e.put("resource_id", id);
        e.put("section", "data");
        e.put("type", "https://api.twitter.com/2/problems/not-authorized-for-field");
        return e;
    }

}
