package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;

/** X API v2: {@code POST /2/tweets} with the account's OAuth 2.0 user token. */
@ApplicationScoped
public class XConnector implements NetworkConnector {

    private final NetworkHttp http;
    private final URI tweets;

    public XConnector(NetworkHttp http, NetworksConfig config) {
        this.http = http;
        this.tweets = NetworkHttp.endpoint(config.x().baseUrl(), "/2/tweets");
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        HttpRequest.Builder call = HttpRequest.newBuilder(tweets)
                .header("Authorization", "Bearer " + request.token().value())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(Map.of("text", request.text()))));
        return http.send("X", call, response -> read(response, request.account()));
    }

    private PublishResult read(HttpResponse<String> response, String account) {
        Instant pausedUntil = XRateLimit.pausedUntil(response.headers()).orElse(null);
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        if (status / 100 == 2) {
            String id = body.path("data").path("id").asText("");
            if (id.isEmpty()) {
                return new PublishResult.Failed(PublishResult.outcomeUnknown(
                        "X answered " + status + " without a post id"), pausedUntil);
            }
            return new PublishResult.Published(id, postUrl(account, id), pausedUntil);
        }
        // A 400 names the bad parameter in errors[].message; other refusals say why in detail.
        String message = NetworkHttp.message(firstText(body.path("errors").path(0).path("message"),
                body.path("detail"), body.path("title")), response.body());
        if (status == 429) {
            return new PublishResult.Retry("X allows no more posts from " + account + " for now: " + message,
                    pausedUntil);
        }
        if (status >= 500) {
            return new PublishResult.Retry("X answered " + status + ": " + message, pausedUntil);
        }
        if (status == 401) {
            return new PublishResult.Failed("X did not accept the access token of account " + account
                    + ": an admin must connect it again", pausedUntil);
        }
        return new PublishResult.Failed("X refused the post (" + status + "): " + message, pausedUntil);
    }

    /** https://x.com/{handle}/status/{id}; X redirects to the right handle even if the account was renamed. */
    static URI postUrl(String account, String id) {
        String handle = account.startsWith("@") ? account.substring(1) : account;
        return URI.create("https://x.com/" + handle + "/status/" + id);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
