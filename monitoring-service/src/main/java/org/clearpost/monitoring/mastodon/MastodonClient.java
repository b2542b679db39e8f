package org.clearpost.monitoring.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The two calls the intake makes on one instance: open the notification stream, read one notifications page. */
final class MastodonClient {

    /** One notification of a page: its id and its JSON exactly as one element of the answer. */
    record Element(String id, JsonNode node) {
    }

    /** One page, newest first as Mastodon returns it, with the {@code rel="prev"} link (the newer page) if given. */
    record Page(List<Element> elements, Optional<URI> prev, RateLimit rateLimit) {
    }

    /** 429: the window is spent; {@code retryIn} is how long until its reset. */
    static final class RateLimited extends IOException {
        final Duration retryIn;

        RateLimited(Duration retryIn) {
            super("rate limited by the instance for " + retryIn);
            this.retryIn = retryIn;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final MastodonConfig config;
    private final ObjectMapper mapper;

    MastodonClient(MastodonConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.base = config.baseUrl().orElseThrow();
        this.token = config.userToken().orElseThrow();
        // HTTP/1.1: an SSE stream is one long response; no h2c upgrade dance with proxies that do not speak it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The first catch-up page after {@code minId}: the notifications immediately newer than it. */
    URI notificationsAfter(String minId) {
        return resolve("/api/v1/notifications?types%5B%5D=mention&limit=" + Math.min(80, Math.max(1, config.pageSize()))
                + "&min_id=" + minId);
    }

    Page page(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        RateLimit rate = RateLimit.of(response.headers());
        if (response.statusCode() == 429) {
            Duration wait = rate.reset().map(r -> Duration.between(Instant.now(), r).plusSeconds(1))
                    .filter(d -> !d.isNegative()).orElse(Duration.ofSeconds(60));
            throw new RateLimited(wait);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri.getPath() + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        JsonNode array = mapper.readTree(response.body());
        if (array == null || !array.isArray()) {
            throw new IOException("GET " + uri.getPath() + " answered something other than an array: "
                    + abbreviate(response.body()));
        }
        List<Element> elements = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            elements.add(new Element(n.path("id").asText(null), n));
        }
        return new Page(elements, LinkHeader.rel(response.headers().firstValue("Link").orElse(null), "prev"), rate);
    }

    /**
     * Opens the stream and returns once the instance has answered 200 with its headers: from then on it pushes every
     * new notification on this connection.
     */
    LiveStream openStream() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(resolve(config.streamPath()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(500), StandardCharsets.UTF_8);
            }
            throw new IOException("GET " + config.streamPath() + " answered " + response.statusCode() + ": " + body);
        }
        return new LiveStream(response.body());
    }

    private URI resolve(String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
