package org.clearpost.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The console's settings ({@code clearpost.console.*}); see the console's README for the table. */
@ConfigMapping(prefix = "clearpost.console")
public interface ConsoleConfig {

    /** Each service's base URL by its id ({@code drafting}, {@code clearance}, ...): where {@code /api/<id>/} goes. */
    Map<String, URI> services();

    /**
     * Base64 of at least 32 random bytes, the same for every replica: the key of the CSRF tokens' HMAC. No default:
     * a deployment that forgets it does not start.
     */
    String csrfKey();

    /**
     * Base64 of 32 random bytes, the same for every replica: seals the session tokens kept in the database (AES-GCM),
     * so that a copy of the table signs nobody in.
     */
    String sessionKey();

    /** How long a call to a service may take before the screen says that service is not answering. */
    @WithDefault("10s")
    Duration serviceTimeout();

    /** How long a streamed transfer (an upload, media passed through the gateway) may take in all. */
    @WithDefault("15m")
    Duration transferTimeout();

    /** How long a signed-in session's tokens are kept when nothing refreshes them (Keycloak's session ends first). */
    @WithDefault("12h")
    Duration sessionLifetime();
}
