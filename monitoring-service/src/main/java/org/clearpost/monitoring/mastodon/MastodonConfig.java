package org.clearpost.monitoring.mastodon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Mastodon intake: one instance, one user token (the body's own account), read through the streaming API and
 * caught up through the notifications API. Without a base URL and a token the intake is off.
 */
@ConfigMapping(prefix = "clearpost.monitoring.mastodon")
public interface MastodonConfig {

    /** The instance, e.g. {@code https://mastodon.social} (the streaming API is served from the same origin). */
    Optional<URI> baseUrl();

    /** A user token of the body's account with {@code read:notifications} (streaming needs a user token since 4.2.0). */
    Optional<String> userToken();

    /** The body's account on that instance as Mastodon writes {@code acct} (e.g. {@code clearpost}), stored with each mention. */
    @WithDefault("clearpost")
    String account();

    /** The stream read live: {@code /api/v1/streaming/user/notification}, or {@code /api/v1/streaming/user}. */
    @WithDefault("/api/v1/streaming/user/notification")
    String streamPath();

    /**
     * How long the stream may stay silent before it counts as dead and is reopened: Mastodon writes {@code :thump}
     * every 15 s, so three missed heartbeats.
     */
    @WithDefault("45s")
    Duration heartbeatTimeout();

    /** First wait before reconnecting after an error; doubled per failure up to {@link #reconnectMax()}. */
    @WithDefault("1s")
    Duration reconnectMin();

    @WithDefault("60s")
    Duration reconnectMax();

    /** Notifications per catch-up page (Mastodon: at most 80). */
    @WithDefault("80")
    int pageSize();

    /** Most live notifications written in one batch. */
    @WithDefault("500")
    int batchSize();

    /** How long a live batch waits for more notifications before it is written. */
    @WithDefault("20ms")
    Duration batchLinger();

    /** Connect timeout, and the whole-request timeout of a catch-up page. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Whether the intake may run: base URL and token are both set. */
    default boolean enabled() {
        return baseUrl().isPresent() && userToken().filter(t -> !t.isBlank()).isPresent();
    }
}
