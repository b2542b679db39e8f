package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How accounts are connected by OAuth 2.0 and kept connected. One entry per network under
 * {@code clearpost.oauth.networks.<network>} (lower case); the real endpoints are the defaults in
 * application.properties, client ids and secrets come from the environment (e.g.
 * {@code CLEARPOST_OAUTH_NETWORKS_X_CLIENT_ID}) and are never committed.
 */
@ConfigMapping(prefix = "clearpost.oauth")
public interface OAuthConfig {

    /** The publisher's public root: the callback is {@code <root>/oauth/<network>/callback}, registered as such. */
    @WithDefault("http://localhost:8083")
    URI callbackBaseUrl();

    /** How long a started connect waits for its callback. */
    @WithDefault("10m")
    Duration attemptTtl();

    /** A token is refreshed this long before it expires (or at half its life when that is sooner). */
    @WithDefault("10m")
    Duration refreshLead();

    /** How often the refresher looks for tokens to refresh. */
    @WithDefault("30s")
    Duration refreshInterval();

    /** A refresh claimed longer ago than this belongs to a refresher that stopped: another may take it. */
    @WithDefault("1m")
    Duration refreshClaimTimeout();

    Map<String, Client> networks();

    /** One network's authorization server and the app registered with it. */
    interface Client {

        /** The app's client id; without one, connecting to this network says it is not configured. */
        Optional<String> clientId();

        /** Confidential clients only; from the environment, never committed. */
        Optional<String> clientSecret();

        URI authorizeUrl();

        URI tokenUrl();

        /** Space-separated, as RFC 6749 section 3.3 writes them. */
        Optional<String> scopes();

        /** Authorization code with PKCE (RFC 7636, S256). */
        @WithDefault("false")
        boolean pkce();

        /**
         * How the client authenticates at the token endpoint: {@code basic} (HTTP Basic, X's confidential clients) or
         * {@code body} (client_id and client_secret in the form, as LinkedIn, Google and Meta take them).
         */
        @WithDefault("body")
        String clientAuth();

        /** Extra query parameters of the authorize URL, as a query string (Google: access_type=offline). */
        Optional<String> authorizeParams();
    }
}
