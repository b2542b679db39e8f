package org.clearpost.monitoring.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The account's XRPC calls a long gap needs: an app-password session ({@code com.atproto.server.createSession}) and
 * {@code app.bsky.notification.listNotifications}, newest first.
 */
final class NotificationsClient {

    /** Notifications that are something said to the account (not likes, reposts or follows). */
    static final List<String> REASONS = List.of("mention", "reply", "quote");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One page: its notifications (as received) and the cursor of the next, or null at the end. */
    record Page(List<JsonNode> notifications, String cursor) {
    }

    private final HttpClient http;
    private final URI service;
    private final String accessJwt;
    /** The session's account DID. */
    final String did;

    private NotificationsClient(HttpClient http, URI service, String accessJwt, String did) {
        this.http = http;
        this.service = service;
        this.accessJwt = accessJwt;
        this.did = did;
    }

    static NotificationsClient login(HttpClient http, URI service, String identifier, String appPassword)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("identifier", identifier).put("password", appPassword);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(xrpc(service, "com.atproto.server.createSession"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode session = ok(response, "createSession");
        return new NotificationsClient(http, service, session.path("accessJwt").asText(), session.path("did").asText());
    }

    Page page(String cursor) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?limit=100");
        REASONS.forEach(r -> query.append("&reasons=").append(r));
        if (cursor != null) {
            query.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        URI uri = URI.create(xrpc(service, "app.bsky.notification.listNotifications") + query.toString());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessJwt).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode page = ok(response, "listNotifications");
        List<JsonNode> notifications = new java.util.ArrayList<>();
        page.path("notifications").forEach(notifications::add);
        String next = page.path("cursor").isTextual() && !notifications.isEmpty() ? page.path("cursor").asText() : null;
        return new Page(notifications, next);
    }

    private static URI xrpc(URI service, String method) {
        String base = service.toString().replaceAll("/+$", "");
        return URI.create(base + "/xrpc/" + method);
    }

    private static JsonNode ok(HttpResponse<String> response, String method) throws IOException {
        if (response.statusCode() != 200) {
            // XRPC errors are {"error","message"}; neither carries a secret
            throw new IOException("Bluesky " + method + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
