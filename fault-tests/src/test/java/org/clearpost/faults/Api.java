package org.clearpost.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.clearpost.infra.TokenClient;
import org.clearpost.local.Component;

/**
 * The services' REST APIs as the demo users of the realm call them, with real Keycloak tokens. Unlike a test's
 * REST client it never throws on a refused call or a dead server: a fault-injection run needs every answer,
 * including "nothing listening", to count it.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's tokens live 15 minutes in the realm; take a fresh one well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(8);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** One answer: the status (-1 when there was none: refused, reset, timed out) and the JSON body, if any. */
    record Reply(int status, JsonNode body, String error) {

        boolean is(int expected) {
            return status == expected;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            JsonNode value = body.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }

        @Override
        public String toString() {
            return status < 0 ? "no answer (" + error + ")" : status + " " + body;
        }
    }

    private record Token(String value, Instant fetchedAt) {
    }

    // HTTP/1.1: no h2c upgrade dance on every new connection, of which a fault run opens many.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Function<Component, URI> urls;
    private final String issuerUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(Function<Component, URI> urls, String issuerUrl) {
        this.urls = urls;
        this.issuerUrl = issuerUrl;
    }

    Reply get(String user, Component application, String path) {
        return send(user, request(application, path).GET());
    }

    Reply post(String user, Component application, String path, Object body) {
        return send(user, request(application, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Reply put(String user, Component application, String path, Object body) {
        return send(user, request(application, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** Raw bytes with extra headers and no token: what a network's webhook delivery is. */
    Reply postBytes(Component application, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(application, path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(null, request);
    }

    private HttpRequest.Builder request(Component application, String path) {
        return HttpRequest.newBuilder(urls.apply(application).resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    /** {@code user} null: no token (the sandbox's own API, webhooks). */
    private Reply send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), null);
        } catch (IOException e) {
            return new Reply(-1, MissingNode.getInstance(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, MissingNode.getInstance(), "interrupted");
        }
    }

    private String token(String user) {
        return tokens.compute(user, (u, token) -> token != null
                && token.fetchedAt().plus(TOKEN_REUSE).isAfter(Instant.now()) ? token
                        : new Token(TokenClient.passwordGrant(issuerUrl, "clearpost-cli", u, u), Instant.now()))
                .value();
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
