package org.clearpost.publisher.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.publisher.tokens.Credentials;
import org.clearpost.publisher.tokens.OAuth1Signer;

/**
 * Flickr's OAuth 1.0a three-legged flow (Flickr has no OAuth 2): {@code GET /services/oauth/request_token} signed
 * with the app's secret alone and {@code oauth_callback} (the publisher's callback with {@code state} in its query, so
 * the connect service checks it as for every network: OAuth 1.0a has no {@code state} of its own) gives a request
 * token and its secret, kept sealed until the callback; the admin approves at
 * {@code /services/oauth/authorize?oauth_token=..&perms=write}; Flickr sends the browser back with
 * {@code oauth_token} and {@code oauth_verifier}, which {@code GET /services/oauth/access_token}, signed with the
 * request token's secret, exchanges for the access token and its secret. Flickr's tokens do not expire and there is
 * no refresh: the credentials have no expiry and {@link #refresh} answers empty.
 */
@ApplicationScoped
public class FlickrOAuth1Flow implements AuthorizationFlow {

    /** The permission the publisher asks for: uploading needs write. */
    static final String PERMS = "write";

    private final NetworkHttp http;
    private final URI base;
    private final Optional<OAuth1Signer> signer;

    public FlickrOAuth1Flow(NetworkHttp http, NetworksConfig config) {
        this.http = http;
        this.base = config.flickr().baseUrl();
        this.signer = config.flickr().apiKey().flatMap(key -> config.flickr().apiSecret()
                .map(secret -> new OAuth1Signer(key, secret)));
    }

    @Override
    public Network network() {
        return Network.FLICKR;
    }

    @Override
    public Started start(String state, URI callback) {
        String withState = callback + (callback.getRawQuery() == null ? "?" : "&") + "state="
                + OAuth1Signer.encode(state);
        URI uri = NetworkHttp.endpoint(base, "/services/oauth/request_token");
        HttpResponse<String> response = call(uri, null, null, Map.of("oauth_callback", withState));
        Map<String, String> answer = form(response.body());
        if (response.statusCode() != 200 || !"true".equals(answer.get("oauth_callback_confirmed"))
                || answer.get("oauth_token") == null || answer.get("oauth_token_secret") == null) {
            throw new IllegalStateException("Flickr did not give a request token (" + response.statusCode() + " "
                    + problem(response) + ")");
        }
        URI authorize = NetworkHttp.endpoint(base, "/services/oauth/authorize?oauth_token="
                + OAuth1Signer.encode(answer.get("oauth_token")) + "&perms=" + PERMS);
        String kept = "oauth_token=" + OAuth1Signer.encode(answer.get("oauth_token")) + "&oauth_token_secret="
                + OAuth1Signer.encode(answer.get("oauth_token_secret"));
        return new Started(authorize, kept);
    }

    @Override
    public Credentials complete(Map<String, String> callback, String kept, URI callbackUri)
            throws AuthorizationRefused {
        Map<String, String> request = form(kept);
        String token = callback.get("oauth_token");
        String verifier = callback.get("oauth_verifier");
        if (verifier == null || verifier.isBlank()) {
            throw new AuthorizationRefused("access_denied", "Flickr sent no oauth_verifier: the admin did not "
                    + "approve the connection");
        }
        if (token == null || !token.equals(request.get("oauth_token"))) {
            throw new AuthorizationRefused("token_rejected", "the callback's oauth_token is not the request token "
                    + "this connection started with");
        }
        HttpResponse<String> response = call(NetworkHttp.endpoint(base, "/services/oauth/access_token"), token,
                request.get("oauth_token_secret"), Map.of("oauth_verifier", verifier));
        if (response.statusCode() >= 500) {
            throw new IllegalStateException("Flickr answered " + response.statusCode() + " to the access token "
                    + "exchange");
        }
        Map<String, String> answer = form(response.body());
        if (response.statusCode() != 200 || answer.get("oauth_token") == null
                || answer.get("oauth_token_secret") == null) {
            throw new AuthorizationRefused(problem(response), "Flickr refused the access token exchange ("
                    + response.statusCode() + ")");
        }
        return new Credentials(new AccessToken(answer.get("oauth_token"), answer.get("oauth_token_secret")), null,
                null, null, PERMS);
    }

    /** Flickr's OAuth 1.0a tokens do not expire and cannot be refreshed. */
    @Override
    public Optional<Credentials> refresh(Credentials current) {
        return Optional.empty();
    }

    private HttpResponse<String> call(URI uri, String token, String tokenSecret, Map<String, String> extra) {
        OAuth1Signer oauth = signer.orElseThrow(() -> new IllegalStateException("Flickr is not configured: set "
                + "CLEARPOST_NETWORKS_FLICKR_API_KEY and CLEARPOST_NETWORKS_FLICKR_API_SECRET"));
        try {
            return http.exchange("Flickr", HttpRequest.newBuilder(uri).header("Authorization",
                    oauth.authorization("GET", uri, List.of(), token, tokenSecret, extra)).GET());
        } catch (CallFailed e) {
            throw new UncheckedIOException(new java.io.IOException("Flickr could not be asked: " + e.result()));
        }
    }

    /** Flickr's refusals are {@code oauth_problem=..} in a form body. */
    private static String problem(HttpResponse<String> response) {
        return form(response.body()).getOrDefault("oauth_problem", "oauth_problem missing");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null) {
            return values;
        }
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
