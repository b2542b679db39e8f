package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "clearpost.publisher")
public interface PublisherConfig {

    /** How often the publish worker looks for due publications when it found none last time. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Calls to a network for one publication, the first included, before a transient error becomes final. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first transient error; it doubles with each further one. */
    @WithDefault("10s")
    Duration retryDelay();

    /** The longest wait between two attempts. */
    @WithDefault("10m")
    Duration maxRetryDelay();

    /**
     * A publication still PUBLISHING this long after it was claimed belongs to an instance that stopped during the
     * network call. Must be longer than the connect plus the request timeout, so a live call is never taken for one.
     */
    @WithDefault("1m")
    Duration inFlightTimeout();

    /**
     * Clearance's public key, a JWK (EC P-256): a PostCleared is published only if its signature verifies against it.
     * No default: without it the publisher does not start.
     */
    String clearancePublicKey();
}
