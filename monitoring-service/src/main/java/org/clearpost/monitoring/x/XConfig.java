package org.clearpost.monitoring.x;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The X intakes: where X is, the app's bearer token, the body's own accounts, and the timings of X's reconnection
 * rules (shortened in tests). Without a base URL and a token both intakes are disabled.
 */
@ConfigMapping(prefix = "clearpost.monitoring.x")
public interface XConfig {

    /** {@code https://api.x.com}, or the network sandbox. */
    Optional<URI> baseUrl();

    /** The app-only (OAuth 2.0) bearer token the filtered stream, recent search and the timelines take. */
    Optional<String> bearerToken();

    /** The body's X user ids: whose mentions timelines are polled, and which mentions count as the body's. */
    Optional<List<String>> ownAccountIds();

    /** The body's X handles (without @): a post mentioning one is a mention of that account. */
    Optional<List<String>> ownHandles();

    /**
     * The recent-search query that fills a gap after a reconnect. Without it the gap is searched with the stream's
     * active rules OR-ed together (in 512-character pieces), and without rules with the own handles.
     */
    Optional<String> query();

    /** No byte, not even X's {@code \r\n} keep-alive, for this long means the stream is dead: reconnect (X: 20 s). */
    @WithDefault("20s")
    Duration keepAliveTimeout();

    /** After a network (TCP) error the wait grows by this much per attempt (X: 250 ms)... */
    @WithDefault("250ms")
    Duration networkBackoffStep();

    /** ... up to this (X: 16 s). */
    @WithDefault("16s")
    Duration networkBackoffMax();

    /** After an HTTP error the wait starts here and doubles (X: 5 s)... */
    @WithDefault("5s")
    Duration httpBackoffInitial();

    /** ... up to this (X: 320 s). */
    @WithDefault("320s")
    Duration httpBackoffMax();

    /** After a 429 the wait starts here and doubles (X: 1 minute)... */
    @WithDefault("1m")
    Duration rateLimitBackoffInitial();

    /** ... up to this (X gives no ceiling; its windows are 15 minutes). */
    @WithDefault("15m")
    Duration rateLimitBackoffMax();

    /**
     * Posts handed to the raw-mentions topic in one transaction at most (a transaction's cost hardly depends on its
     * size, so a stream that runs ahead is caught up in large ones)...
     */
    @WithDefault("2000")
    int batchSize();

    /** ... or whatever arrived within this long of the first of them. */
    @WithDefault("50ms")
    Duration batchLinger();

    /**
     * How far before the cursor a gap fill starts searching, in post time: X's stream is not strictly in id order
     * (P99 latency 6-7 s), so a post older than the last one handled may not have arrived yet when the stream drops.
     * Repeats are deduplicated downstream.
     */
    @WithDefault("10s")
    Duration gapOverlap();

    /** Results per recent-search or timeline page (X: 10-100 for search, 5-100 for timelines). */
    @WithDefault("100")
    int pageSize();

    /** How often each own account's mentions timeline is polled (X allows 450 calls per 15 minutes per app). */
    @WithDefault("15s")
    Duration timelinePollInterval();

    /** TCP connect timeout, and the timeout of a search or timeline call. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Stream lines read but not yet handed over, at most; a full buffer pushes back on X through TCP. */
    @WithDefault("100000")
    int bufferedLines();
}
