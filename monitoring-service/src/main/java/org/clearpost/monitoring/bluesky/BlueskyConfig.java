package org.clearpost.monitoring.bluesky;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Bluesky intake. Off unless the Jetstream URL and at least one account DID are set. The session account
 * ({@code identifier}, {@code app-password}, {@code service-url}) is only needed to catch up through
 * {@code listNotifications} after an absence longer than Jetstream replays; without it such a gap is logged.
 */
@ConfigMapping(prefix = "clearpost.monitoring.bluesky")
public interface BlueskyConfig {

    /** Jetstream's v1 subscribe URL, e.g. {@code wss://jetstream2.us-east.bsky.network/subscribe}. */
    Optional<URI> jetstreamUrl();

    /** The body's accounts as DIDs: a post mentioning (facet) or replying to one of them is a mention of it. */
    Optional<List<String>> accountDids();

    /** The account's PDS for XRPC calls, e.g. {@code https://bsky.social} (it proxies app.bsky.* to the AppView). */
    Optional<URI> serviceUrl();

    /** Handle or DID of the account whose notifications fill a long gap. */
    Optional<String> identifier();

    /** Its app password (Settings, App passwords), never the account password. */
    Optional<String> appPassword();

    /**
     * How far before the last handled {@code time_us} a reconnect starts: Jetstream instances differ slightly in
     * their times, and an event read twice is deduplicated downstream while one never read is lost.
     */
    @WithDefault("5s")
    Duration rewind();

    /**
     * How far back Jetstream is trusted to replay (Bluesky's instances keep 36 h). A cursor older than this first pages
     * {@code listNotifications} back to it, because Jetstream would silently start at its oldest event.
     */
    @WithDefault("35h")
    Duration jetstreamLookback();

    /** No message for this long means the connection is dead even if the socket looks open: reconnect. */
    @WithDefault("60s")
    Duration silenceTimeout();

    /** First wait before reconnecting after a failure; doubles up to {@link #reconnectMaxBackoff()}. */
    @WithDefault("1s")
    Duration reconnectMinBackoff();

    @WithDefault("60s")
    Duration reconnectMaxBackoff();

    /** Most events handed to the sink in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Longest wait for more events before a partial batch is written. */
    @WithDefault("100ms")
    Duration batchLinger();

    default boolean enabled() {
        return jetstreamUrl().isPresent() && !accountDids().orElse(List.of()).isEmpty();
    }

    default boolean canCatchUp() {
        return serviceUrl().isPresent() && identifier().isPresent() && appPassword().isPresent();
    }
}
