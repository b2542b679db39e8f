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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The two ways X lets a client read posts it missed: recent search ({@code GET /2/tweets/search/recent}) and a
 * user's mentions timeline ({@code GET /2/users/:id/mentions}), both over the firehose's posts, newest first, paged
 * by token, with X's parameter checks, error bodies and rate-limit headers.
 */
@Path("/2")
@Tag(name = "X API v2 reading", description = "Recent search and the mentions timeline, over the firehose's posts")
public class XReadResource {

    private static final int MAX_QUERY = 512;

    private final XFirehose firehose;

    XReadResource(XFirehose firehose) {
        this.firehose = firehose;
    }

    @GET
    @Path("/tweets/search/recent")
    public Response recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("query") String query, @QueryParam("since_id") String sinceId,
            @QueryParam("until_id") String untilId, @QueryParam("start_time") String startTime,
            @QueryParam("end_time") String endTime, @QueryParam("max_results") String maxResults,
            @QueryParam("next_token") String nextToken, @QueryParam("pagination_token") String paginationToken) {
        Optional<String> app = app(authorization);
        if (app.isEmpty()) {
            return unauthorized();
        }
        Decision rate = firehose.read("GET /2/tweets/search/recent", app.get());
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (query == null || query.isBlank()) {
            return invalid(rate, "query", query, "The `query` query parameter can not be empty");
        }
        if (query.length() > MAX_QUERY) {
            return invalid(rate, "query", query, "The `query` query parameter must be at most " + MAX_QUERY
                    + " characters");
        }
        return page(rate, sinceId, untilId, startTime, endTime, maxResults, 10, 10,
                nextToken != null ? nextToken : paginationToken, nextToken != null ? "next_token" : "pagination_token",
                params -> firehose.search(XSearchQuery.parse(query), params.sinceId, params.untilId,
                        params.startTime, params.endTime, params.max));
    }

    @GET
    @Path("/users/{id}/mentions")
    public Response mentions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String userId, @QueryParam("since_id") String sinceId,
            @QueryParam("until_id") String untilId, @QueryParam("start_time") String startTime,
            @QueryParam("end_time") String endTime, @QueryParam("max_results") String maxResults,
            @QueryParam("pagination_token") String paginationToken) {
        Optional<String> app = app(authorization);
        if (app.isEmpty()) {
            return unauthorized();
        }
        Decision rate = firehose.read("GET /2/users/:id/mentions", app.get());
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (!userId.matches("[0-9]{1,19}")) {
            return invalid(rate, "id", userId, "The `id` query parameter value [" + userId + "] is not valid");
        }
        return page(rate, sinceId, untilId, startTime, endTime, maxResults, 5, 10, paginationToken,
                "pagination_token", params -> firehose.mentions(userId, params.sinceId, params.untilId,
                        params.startTime, params.endTime, params.max));
    }

    private static final class Params {
        Long sinceId;
        Long untilId;
        Instant startTime;
        Instant endTime;
        int max;
    }

    private interface Reader {
        XFirehose.Page read(Params params);
    }

    private Response page(Decision rate, String sinceId, String untilId, String startTime, String endTime,
            String maxResults, int minMax, int defaultMax, String token, String tokenName, Reader reader) {
        Params params = new Params();
        try {
            params.sinceId = id(sinceId);
        } catch (NumberFormatException e) {
            return invalid(rate, "since_id", sinceId, "The `since_id` query parameter value [" + sinceId
                    + "] is not valid");
        }
        try {
            params.untilId = id(untilId);
        } catch (NumberFormatException e) {
            return invalid(rate, "until_id", untilId, "The `until_id` query parameter value [" + untilId
                    + "] is not valid");
        }
        try {
            params.startTime = startTime == null ? null : Instant.parse(startTime);
        } catch (DateTimeParseException e) {
            return invalid(rate, "start_time", startTime, "The `start_time` query parameter value [" + startTime
                    + "] is not a valid RFC 3339 date-time");
        }
        try {
            params.endTime = endTime == null ? null : Instant.parse(endTime);
        } catch (DateTimeParseException e) {
            return invalid(rate, "end_time", endTime, "The `end_time` query parameter value [" + endTime
                    + "] is not a valid RFC 3339 date-time");
        }
        try {
            params.max = maxResults == null ? defaultMax : Integer.parseInt(maxResults);
        } catch (NumberFormatException e) {
            params.max = -1;
        }
        if (params.max < minMax || params.max > 100) {
            return invalid(rate, "max_results", maxResults, "The `max_results` query parameter value [" + maxResults
                    + "] is not between " + minMax + " and 100");
        }
        if (token != null) {
            try {
                long until = Long.parseLong(token, 36);
                params.untilId = params.untilId == null ? until : Math.min(params.untilId, until);
            } catch (NumberFormatException e) {
                return invalid(rate, tokenName, token, "The `" + tokenName + "` query parameter value [" + token
                        + "] is not valid");
            }
        }
        XFirehose.Page page = reader.read(params);
        return withRate(Response.ok(render(page)), rate);
    }

    /** X's page: {@code data} (absent when empty), {@code includes.users}, {@code meta}. */
    private String render(XFirehose.Page page) {
        XTweets tweets = firehose.tweets();
        StringBuilder json = new StringBuilder(page.posts().size() * 600 + 200).append('{');
        if (!page.posts().isEmpty()) {
            json.append("\"data\":[");
            Set<Long> authors = new LinkedHashSet<>();
            for (int i = 0; i < page.posts().size(); i++) {
                XFirehose.Post p = page.posts().get(i);
                json.append(i == 0 ? "" : ",").append(tweets.data(p.id(), p.originalId(), p.seq()));
                authors.add(tweets.authorIndex(p.id(), p.originalId(), p.seq()));
            }
            json.append("],\"includes\":{\"users\":[");
            boolean first = true;
            for (long author : authors) {
                json.append(first ? "" : ",").append(tweets.user(author));
                first = false;
            }
            json.append("]},");
        }
        json.append("\"meta\":{");
        if (!page.posts().isEmpty()) {
            json.append("\"newest_id\":\"").append(page.posts().get(0).id()).append("\",\"oldest_id\":\"")
                    .append(page.posts().get(page.posts().size() - 1).id()).append("\",");
        }
        json.append("\"result_count\":").append(page.posts().size());
        if (page.nextToken() != null) {
            json.append(",\"next_token\":\"").append(page.nextToken()).append('"');
        }
        return json.append("}}").toString();
    }

    private static Long id(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,19}")) {
            throw new NumberFormatException(value);
        }
        return Long.parseLong(value);
    }

    private static Optional<String> app(String authorization) {
        return bearer(authorization).map(Tokens::fingerprint);
    }

    /** X's 400: {"errors":[{"parameters":{...},"message":...}],"title":"Invalid Request",...}. */
    private static Response invalid(Decision rate, String parameter, String value, String message) {
        return withRate(invalidRequest(parameter, value, message), rate);
    }

}
