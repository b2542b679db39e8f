package org.clearpost.publisher.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.OAuthConfig;
import org.clearpost.publisher.network.NetworkHttp;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.publisher.tokens.Credentials;

/**
 * The OAuth 2.0 authorization code grant (RFC 6749 section 4.1) of one network, with PKCE (RFC 7636, S256) where the
 * network takes it, and its refresh token grant (section 6). One class for X, LinkedIn, YouTube (Google), SoundCloud,
 * Mastodon, Threads and Facebook, configured per network ({@link OAuthConfig.Client}): the networks differ only in
 * endpoints, scopes, PKCE, how the client authenticates and extra authorize parameters (Google's
 * {@code access_type=offline}, without which it issues no refresh token).
 */
public class OAuth2Flow implements AuthorizationFlow {

    private final Network network;
    private final OAuthConfig.Client client;
    private final NetworkHttp http;
    private final Clock clock;
    private final SecureRandom random;

    public OAuth2Flow(Network network, OAuthConfig.Client client, NetworkHttp http, Clock clock,
            SecureRandom random) {
        this.network = network;
        this.client = client;
        this.http = http;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Started start(String state, URI callback) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", callback.toString());
        client.scopes().ifPresent(scopes -> query.put("scope", scopes));
        query.put("state", state);
        String verifier = null;
        if (client.pkce()) {
            verifier = Pkce.verifier(random);
            query.put("code_challenge", Pkce.challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        String url = client.authorizeUrl() + (client.authorizeUrl().getQuery() == null ? "?" : "&") + form(query)
                + client.authorizeParams().map(extra -> "&" + extra).orElse("");
        return new Started(URI.create(url), verifier);
    }

    @Override
    public Credentials complete(Map<String, String> callback, String kept, URI callbackUri)
            throws AuthorizationRefused {
        if (callback.containsKey("error")) {
            throw new AuthorizationRefused(callback.get("error"), callback.get("error_description"));
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            throw new AuthorizationRefused("invalid_request", "the callback has no code");
        }
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", code);
        grant.put("redirect_uri", callbackUri.toString());
        if (kept != null) {
            grant.put("code_verifier", kept);
        }
        return tokens(grant, null);
    }

    @Override
    public Optional<Credentials> refresh(Credentials current) throws AuthorizationRefused {
        if (current.refreshToken() == null) {
            return Optional.empty();
        }
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", current.refreshToken());
        return Optional.of(tokens(grant, current));
    }

    /**
     * Calls the token endpoint. An error answer (RFC 6749 section 5.2) is the network's refusal; no answer, or one
     * that is not OAuth's, means it could not be asked and the caller tries again later.
     */
    private Credentials tokens(Map<String, String> grant, Credentials current) throws AuthorizationRefused {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if ("basic".equals(client.clientAuth()) && client.clientSecret().isPresent()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(clientId()) + ":" + encode(client.clientSecret().get())).getBytes(StandardCharsets.UTF_8)));
        } else {
            grant.put("client_id", clientId());
            client.clientSecret().ifPresent(secret -> grant.put("client_secret", secret));
        }
        HttpResponse<String> response;
        try {
            response = http.exchange(network.name(), request.POST(HttpRequest.BodyPublishers.ofString(form(grant))));
        } catch (NetworkHttp.CallFailed e) {
            throw new UncheckedIOException(new IOException(network + "'s token endpoint: " + e.result()));
        }
        JsonNode body = http.json(response.body());
        if (response.statusCode() / 100 != 2) {
            if (body.hasNonNull("error") && response.statusCode() / 100 == 4
                    && ("invalid_grant".equals(body.path("error").asText()) || current == null)) {
                throw new AuthorizationRefused(body.path("error").asText(),
                        body.path("error_description").asText(null));
            }
            throw new UncheckedIOException(new IOException(network + "'s token endpoint answered "
                    + response.statusCode() + ": " + NetworkHttp.message(body.path("error").asText(null),
                    response.body())));
        }
        if (!body.hasNonNull("access_token")) {
            throw new UncheckedIOException(new IOException(network + "'s token endpoint answered no access_token"));
        }
        Instant now = clock.instant();
        Instant expiresAt = body.hasNonNull("expires_in") ? now.plusSeconds(body.path("expires_in").asLong()) : null;
        // LinkedIn says when its refresh token expires; the others do not.
        Instant refreshExpiresAt = body.hasNonNull("refresh_token_expires_in")
                ? now.plusSeconds(body.path("refresh_token_expires_in").asLong()) : null;
        String scope = body.hasNonNull("scope") ? body.path("scope").asText()
                : current != null ? current.scope() : client.scopes().orElse(null);
        return new Credentials(new AccessToken(body.path("access_token").asText()),
                body.path("refresh_token").asText(null), expiresAt, refreshExpiresAt, scope);
    }

    private String clientId() {
        return client.clientId().orElseThrow(() -> new IllegalStateException("clearpost.oauth.networks."
                + network.name().toLowerCase(java.util.Locale.ROOT) + ".client-id is not set: " + network
                + " accounts cannot be connected by OAuth until the app's client id is configured"));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
