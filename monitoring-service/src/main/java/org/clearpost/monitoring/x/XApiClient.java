package org.clearpost.monitoring.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The X API v2 calls the intakes make, over the JDK's HTTP client: the filtered stream, its rules (read only), recent
 * search and a user's mentions timeline. Pages come back as one JSON object per post, shaped like a stream line
 * ({@code {"data":{...},"includes":{"users":[author]}}}), so the pipeline reads one shape whatever the source.
 */
final class XApiClient {

    /** The post fields and expansions every call asks for: what the normaliser reads. */
    static final String FIELDS = "tweet.fields=author_id,created_at,edit_history_tweet_ids,entities,lang"
            + "&expansions=author_id&user.fields=name,username";

    /** One post of a page: its id, its first version's id and its JSON as a stream line. */
    record Post(long id, String key, String json) {
    }

    /** A page, newest first; {@code newestId} is -1 when empty. */
    record Page(List<Post> posts, long newestId, String nextToken) {
    }

    /** X answered with something other than 200. */
    static final class XHttpException extends Exception {
        final int status;
        final Integer remaining;
        final Long resetEpochSeconds;

        XHttpException(String call, int status, Integer remaining, Long resetEpochSeconds, String body) {
            super(call + " answered " + status + ": " + abbreviate(body));
            this.status = status;
            this.remaining = remaining;
            this.resetEpochSeconds = resetEpochSeconds;
        }

        boolean rateLimited() {
            return status == 429;
        }
    }

    private final URI base;
    private final String authorization;
    private final XConfig config;
    private final HttpClient http;
    private final ObjectMapper mapper;

    XApiClient(XConfig config, ObjectMapper mapper) {
        this.config = config;
        this.base = config.baseUrl().orElseThrow();
        this.authorization = "Bearer " + config.bearerToken().orElseThrow();
        this.mapper = mapper;
        // HTTP/1.1: the stream is one long chunked response; an h2c upgrade attempt would buy nothing.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).build();
    }

    /**
     * Opens the filtered stream. The caller owns the body and must close it; a status other than 200 is thrown with
     * the body read and closed. No request timeout: the response never ends; the intake watches for keep-alives.
     */
    InputStream openStream() throws IOException, InterruptedException, XHttpException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/2/tweets/search/stream?" + FIELDS))
                .header("Authorization", authorization).header("User-Agent", "clearpost-monitoring").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            throw failure("GET /2/tweets/search/stream", response.statusCode(), response.headers(), body);
        }
        return response.body();
    }

    /** The values of the stream's active rules; none when X has none (or the endpoint is not there). */
    List<String> ruleValues() throws IOException, InterruptedException, XHttpException {
        HttpResponse<String> response = get("/2/tweets/search/stream/rules", Map.of());
        if (response.statusCode() == 404) {
            return List.of();
        }
        JsonNode body = ok("GET /2/tweets/search/stream/rules", response);
        List<String> values = new ArrayList<>();
        body.path("data").forEach(rule -> {
            if (rule.path("value").isTextual() && !rule.path("value").asText().isBlank()) {
                values.add(rule.path("value").asText());
            }
        });
        return values;
    }

    /** One page of recent search, newest first: posts newer than {@code sinceId} (or from {@code startTime}). */
    Page search(String query, Long sinceId, Instant startTime, String nextToken)
            throws IOException, InterruptedException, XHttpException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("max_results", Integer.toString(Math.max(10, Math.min(100, config.pageSize()))));
        if (sinceId != null) {
            params.put("since_id", Long.toString(sinceId));
        } else if (startTime != null) {
            params.put("start_time", startTime.toString());
        }
        if (nextToken != null) {
            params.put("next_token", nextToken);
        }
        return page("GET /2/tweets/search/recent", get("/2/tweets/search/recent", params));
    }

    /** One page of a user's mentions timeline, newest first, newer than {@code sinceId} when given. */
    Page mentions(String userId, Long sinceId, String paginationToken)
            throws IOException, InterruptedException, XHttpException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("max_results", Integer.toString(Math.max(5, Math.min(100, config.pageSize()))));
        if (sinceId != null) {
            params.put("since_id", Long.toString(sinceId));
        }
        if (paginationToken != null) {
            params.put("pagination_token", paginationToken);
        }
        return page("GET /2/users/:id/mentions",
                get("/2/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/mentions", params));
    }

    private Page page(String call, HttpResponse<String> response) throws XHttpException, IOException {
        JsonNode body = ok(call, response);
        Map<String, JsonNode> users = new HashMap<>();
        body.path("includes").path("users").forEach(u -> users.put(u.path("id").asText(), u));
        List<Post> posts = new ArrayList<>();
        for (JsonNode data : body.path("data")) {
            ObjectNode line = mapper.createObjectNode();
            line.set("data", data);
            JsonNode author = users.get(data.path("author_id").asText());
            if (author != null) {
                line.putObject("includes").putArray("users").add(author);
            }
            String json = mapper.writeValueAsString(line);
            XPosts.Line read = XPosts.read(json);
            if (read.kind() == XPosts.Kind.POST) {
                posts.add(new Post(read.id(), read.key(), json));
            } else {
                throw new IOException(call + " returned a post without a valid id: " + abbreviate(data.toString()));
            }
        }
        JsonNode meta = body.path("meta");
        long newest = meta.path("newest_id").isTextual() ? Long.parseLong(meta.path("newest_id").asText())
                : posts.stream().mapToLong(Post::id).max().orElse(-1);
        String next = meta.path("next_token").isTextual() ? meta.path("next_token").asText() : null;
        return new Page(posts, newest, next);
    }

    private HttpResponse<String> get(String path, Map<String, String> params) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(path).append('?').append(FIELDS);
        params.forEach((k, v) -> uri.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(uri.toString())).timeout(config.requestTimeout())
                .header("Authorization", authorization).header("User-Agent", "clearpost-monitoring").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode ok(String call, HttpResponse<String> response) throws XHttpException, IOException {
        if (response.statusCode() != 200) {
            throw failure(call, response.statusCode(), response.headers(), response.body());
        }
        return mapper.readTree(response.body());
    }

    private static XHttpException failure(String call, int status, java.net.http.HttpHeaders headers, String body) {
        return new XHttpException(call, status, header(headers, "x-rate-limit-remaining").map(Long::intValue).orElse(null),
                header(headers, "x-rate-limit-reset").orElse(null), body);
    }

    private static Optional<Long> header(java.net.http.HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
