package org.clearpost.sandbox.x;

import static org.clearpost.sandbox.x.XResponses.bearer;
import static org.clearpost.sandbox.x.XResponses.invalidRequest;
import static org.clearpost.sandbox.x.XResponses.tooManyRequests;
import static org.clearpost.sandbox.x.XResponses.unauthorized;
import static org.clearpost.sandbox.x.XResponses.withRate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's own posts timeline, {@code GET /2/users/{id}/tweets}, over what was posted through the sandbox by tokens
 * acting for that user (posts, replies, quotes and reposts, newest first): what a publisher reads to find out
 * whether a call whose answer was lost made a post. X's shape: {@code data[]} of {@code id}, {@code text},
 * {@code edit_history_tweet_ids}, plus {@code created_at}, {@code author_id}, {@code referenced_tweets}
 * ({@code replied_to}, {@code quoted}, {@code retweeted}) when {@code tweet.fields} asks; {@code meta} with
 * {@code result_count}, {@code newest_id}, {@code oldest_id}, {@code next_token}. Parameters: {@code max_results}
 * (5-100, default 10), {@code pagination_token}, {@code since_id}, {@code exclude} (retweets, replies).
 */
@Path("/2")
@Tag(name = "X API v2 user timeline", description = "The posts a user made through the sandbox, newest first")
public class XTimelineResource {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ISO_INSTANT;

    private final PostStore store;
    private final RateLimits limits;

    XTimelineResource(PostStore store, RateLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @GET
    @Path("/users/{id}/tweets")
    public Response tweets(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String userId,
            @QueryParam("max_results") String maxResults, @QueryParam("pagination_token") String paginationToken,
            @QueryParam("since_id") String sinceId, @QueryParam("exclude") String exclude,
            @QueryParam("tweet.fields") String tweetFields) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        Decision rate = limits.x("GET /2/users/:id/tweets", Tokens.fingerprint(token.get()));
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (!userId.matches("[0-9]{1,19}")) {
            return withRate(invalidRequest("id", userId, "The `id` query parameter value [" + userId
                    + "] is not valid"), rate);
        }
        int max;
        try {
            max = maxResults == null ? 10 : Integer.parseInt(maxResults);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 5 || max > 100) {
            return withRate(invalidRequest("max_results", maxResults, "The `max_results` query parameter value ["
                    + maxResults + "] is not between 5 and 100"), rate);
        }
        Long until = null;
        Long since = null;
        try {
            until = paginationToken == null ? null : Long.parseLong(paginationToken, 36);
            since = sinceId == null ? null : Long.parseLong(sinceId);
        } catch (NumberFormatException e) {
            String name = paginationToken != null && until == null ? "pagination_token" : "since_id";
            return withRate(invalidRequest(name, name.equals("since_id") ? sinceId : paginationToken,
                    "The `" + name + "` query parameter value is not valid"), rate);
        }
        Set<String> excluded = exclude == null ? Set.of()
                : Arrays.stream(exclude.split(",")).map(String::strip).collect(Collectors.toSet());
        Set<String> fields = tweetFields == null ? Set.of()
                : Arrays.stream(tweetFields.split(",")).map(String::strip).collect(Collectors.toSet());
        Long untilId = until;
        Long sinceIdValue = since;
        List<HeldPost> posts = store.list(Optional.of(Network.X)).stream()
                .filter(p -> store.xUser(p.tokenFingerprint()).id().equals(userId))
                .filter(p -> !(excluded.contains("retweets") && p.kind() == HeldPost.Kind.REPOST))
                .filter(p -> !(excluded.contains("replies") && p.kind() == HeldPost.Kind.REPLY))
                .filter(p -> untilId == null || Long.parseLong(p.id()) < untilId)
                .filter(p -> sinceIdValue == null || Long.parseLong(p.id()) > sinceIdValue)
                .sorted(Comparator.comparing((HeldPost p) -> Long.parseLong(p.id())).reversed())
                .toList();
        List<HeldPost> page = posts.subList(0, Math.min(max, posts.size()));
        List<Map<String, Object>> data = new ArrayList<>();
        for (HeldPost post : page) {
            data.add(tweet(post, userId, fields));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", page.get(0).id());
            meta.put("oldest_id", page.get(page.size() - 1).id());
        }
        if (posts.size() > page.size()) {
            meta.put("next_token", Long.toString(Long.parseLong(page.get(page.size() - 1).id()), 36));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            body.put("data", data);
        }
        body.put("meta", meta);
        return withRate(Response.ok(body), rate);
    }

    private Map<String, Object> tweet(HeldPost post, String userId, Set<String> fields) {
        Map<String, Object> tweet = new LinkedHashMap<>();
        tweet.put("id", post.id());
        tweet.put("text", post.kind() == HeldPost.Kind.REPOST ? repostText(post) : post.text());
        tweet.put("edit_history_tweet_ids", List.of(post.id()));
        if (fields.contains("created_at")) {
            tweet.put("created_at", CREATED_AT.format(post.receivedAt()));
        }
        if (fields.contains("author_id")) {
            tweet.put("author_id", userId);
        }
        if (fields.contains("referenced_tweets")) {
            List<Map<String, String>> refs = new ArrayList<>();
            if (post.inReplyTo() != null) {
                refs.add(Map.of("type", "replied_to", "id", post.inReplyTo()));
            }
            if (post.quoteOf() != null) {
                refs.add(Map.of("type", "quoted", "id", post.quoteOf()));
            }
            if (post.retweetOf() != null) {
                refs.add(Map.of("type", "retweeted", "id", post.retweetOf()));
            }
            if (!refs.isEmpty()) {
                tweet.put("referenced_tweets", refs);
            }
        }
        return tweet;
    }

    /** X shows a repost in a timeline as "RT @author: text" of the original. */
    private String repostText(HeldPost repost) {
        return store.get(repost.retweetOf())
                .map(original -> "RT @" + original.account() + ": " + original.text())
                .orElse("RT");
    }
}
