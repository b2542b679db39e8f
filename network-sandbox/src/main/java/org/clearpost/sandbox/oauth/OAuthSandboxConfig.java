package org.clearpost.sandbox.oauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The sandbox's OAuth 2.0 authorization servers (one per network, same rules). Expiries are short so a publisher
 * exercises refresh; each key can be set through its environment variable (CLEARPOST_SANDBOX_OAUTH_ACCESS_TOKEN_TTL,
 * ...).
 */
@ConfigMapping(prefix = "clearpost.sandbox.oauth")
public interface OAuthSandboxConfig {

    /** The one client (app) registered with every network's server; local use only. */
    @WithDefault("clearpost-sandbox-client")
    String clientId();

    /** How long an access token works (X: 2 h, Google: 1 h; short here so refresh is exercised). */
    @WithDefault("2m")
    Duration accessTokenTtl();

    /** How long a refresh token works unless used (and so replaced) before. */
    @WithDefault("30d")
    Duration refreshTokenTtl();

    /** How long an authorization code may wait for its exchange (RFC 6749 recommends at most 10 minutes). */
    @WithDefault("1m")
    Duration codeTtl();
}
