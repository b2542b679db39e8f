package org.clearpost.sandbox.mastodon;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mastodon's {@code GET /api/v1/notifications} as an instance answers it: the user token, {@code max_id},
 * {@code since_id}, {@code min_id}, {@code limit} (default 40, at most 80), {@code types[]} and
 * {@code exclude_types[]}; newest first; a {@code Link} header with {@code rel="next"} (older, {@code max_id}) and
 * {@code rel="prev"} (newer, {@code min_id}) when the page is not empty; {@code X-RateLimit-Limit/-Remaining/-Reset}
 * (an ISO 8601 time) on every authenticated answer, 429 once the window's calls are spent.
 */
@Path("/api/v1/notifications")
@Tag(name = "Mastodon", description = "Notifications of the sandbox instance's user (streaming: /api/v1/streaming/user/notification, SSE)")
public class MastodonApiResource {

    private static final String JSON = "application/json; charset=utf-8";
    private static final int DEFAULT_LIMIT = 40;
    private static final int MAX_LIMIT = 80;

    private final MastodonFirehose firehose;
    private final MastodonSandboxConfig config;
    private final FixedWindowRateLimiter limiter;

    MastodonApiResource(MastodonFirehose firehose, MastodonSandboxConfig config, MastodonRateLimit limit) {
        this.firehose = firehose;
        this.config = config;
        this.limiter = limit.limiter();
    }

    @GET
    public Response notifications(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("max_id") String maxId, @QueryParam("since_id") String sinceId,
            @QueryParam("min_id") String minId, @QueryParam("limit") String limit,
            @QueryParam("types[]") List<String> types, @QueryParam("exclude_types[]") List<String> excludeTypes,
            @Context UriInfo uri) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        if (token.isEmpty() || !token.get().equals(config.userToken())) {
            return Response.status(401).type(JSON).entity("{\"error\":\"The access token is invalid\"}").build();
        }
        Decision rate = limiter.acquire(Tokens.fingerprint(token.get()));
        if (!rate.allowed()) {
            return withRate(Response.status(429).type(JSON).entity("{\"error\":\"Too many requests\"}"), rate);
        }
        int size = parseLimit(limit);
        boolean mentions = (types == null || types.isEmpty() || types.contains("mention"))
                && (excludeTypes == null || !excludeTypes.contains("mention"));
        // Mastodon ignores ids it cannot parse rather than refusing the call; so does the sandbox.
        List<Map.Entry<Long, String>> page = mentions
                ? firehose.page(id(maxId), id(sinceId), id(minId), size)
                : List.of();
        Response.ResponseBuilder answer = Response.ok(page.stream().map(Map.Entry::getValue)
                .collect(Collectors.joining(",", "[", "]"))).type(JSON);
        if (!page.isEmpty()) {
            String base = uri.getBaseUriBuilder().path("api/v1/notifications").build().toString() + "?limit=" + size
                    + (types == null ? "" : types.stream().map(t -> "&types%5B%5D=" + t).collect(Collectors.joining()));
            answer.header("Link", "<" + base + "&max_id=" + page.get(page.size() - 1).getKey() + ">; rel=\"next\", <"
                    + base + "&min_id=" + page.get(0).getKey() + ">; rel=\"prev\"");
        }
        return withRate(answer, rate);
    }

    private static int parseLimit(String limit) {
        try {
            int n = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
            return n < 1 ? DEFAULT_LIMIT : Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response withRate(Response.ResponseBuilder builder, Decision rate) {
        return builder.header("X-RateLimit-Limit", rate.limit())
                .header("X-RateLimit-Remaining", rate.remaining())
                .header("X-RateLimit-Reset", Instant.ofEpochSecond(rate.resetEpochSeconds())
                        .truncatedTo(ChronoUnit.MICROS).toString())
                .build();
    }
}
