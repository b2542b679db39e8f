package org.clearpost.monitoring.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the X filtered-stream rules are kept in step with the tracked queries. Off unless both the base URL and the
 * app's bearer token are set (CLEARPOST_MONITORING_X_RULES_BASE_URL, CLEARPOST_MONITORING_X_RULES_BEARER_TOKEN); a
 * prefix of its own, next to the X intake's {@code clearpost.monitoring.x}.
 */
@ConfigMapping(prefix = "clearpost.monitoring.x-rules")
public interface XRulesConfig {

    /** The X API, e.g. https://api.x.com (the sandbox locally). */
    Optional<URI> baseUrl();

    /** The app-only bearer token the filtered stream belongs to. */
    Optional<String> bearerToken();

    /** Connect and response timeout of each call. */
    @WithDefault("10s")
    Duration timeout();

    /** The first wait before trying again after a failed sync; it doubles up to five minutes. */
    @WithDefault("5s")
    Duration retryDelay();

    default boolean enabled() {
        return baseUrl().isPresent() && bearerToken().filter(t -> !t.isBlank()).isPresent();
    }
}
