package org.clearpost.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Obtains access tokens from an OpenID Connect provider such as {@link KeycloakServer}. */
public final class TokenClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TokenClient() {
    }

    /**
     * Resource owner password grant for a public client.
     *
     * @param issuerUrl e.g. {@code http://localhost:8180/realms/clearpost}; the token endpoint is discovered
     * @return the raw access token (a JWT)
     */
    public static String passwordGrant(String issuerUrl, String clientId, String user, String password) {
        String tokenEndpoint = get(issuerUrl + "/.well-known/openid-configuration").path("token_endpoint").asText();
        JsonNode response = postForm(tokenEndpoint, Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", user,
                "password", password));
        return response.path("access_token").asText();
    }

    private static JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static JsonNode postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("%s %s answered %d: %s"
                        .formatted(built.method(), built.uri(), response.statusCode(), response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + built.uri(), e);
        }
    }
}
