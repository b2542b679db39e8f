package org.clearpost.sandbox.x;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox's X firehose: who it mentions, how it streams and what it keeps. Each key can also be set through its
 * environment variable (CLEARPOST_SANDBOX_X_FIREHOSE_KEEP_ALIVE, ...), which is how a service's tests tune the
 * sandbox they start.
 */
@ConfigMapping(prefix = "clearpost.sandbox.x-firehose")
public interface XFirehoseConfig {

    /**
     * The body's X accounts the firehose mentions, as {@code handle=user id}: the ids are what
     * {@code GET /2/users/:id/mentions} answers for and what {@code entities.mentions[].id} carries.
     */
    @WithDefault("clearpost_demo=1500000000000000001,clearpost_news=1500000000000000002")
    List<String> accounts();

    /** Terms (e.g. the body's name) that some posts carry instead of an @mention. */
    @WithDefault("Information Commissioner,data protection")
    List<String> terms();

    /**
     * How often a stream sends its {@code \r\n} keep-alive. X promises one at least every 20 s and tells clients to
     * reconnect after 20 s of nothing; beating at exactly 20 s would make such a client race the beat, so the
     * sandbox beats twice as often. Tests set it shorter still.
     */
    @WithDefault("10s")
    Duration keepAlive();

    /** Posts kept for search and timeline catch-up; the oldest are forgotten beyond this (X keeps 7 days). */
    @WithDefault("2000000")
    int maxStored();

    /** Every n-th post is an edit of the post made just before it (0: no edits). */
    @WithDefault("20")
    int editEvery();

    /** Stream connections allowed per app per window (X: 50 per 15 minutes). */
    @WithDefault("50")
    int connectLimit();

    /** Recent-search and mentions-timeline calls allowed per app per window (X: 450 per 15 minutes each). */
    @WithDefault("450")
    int readLimit();

    /** The window of the connect and read limits. */
    @WithDefault("15m")
    Duration rateWindow();

    /**
     * Bytes a stream may have queued and unsent before the sandbox closes it as too slow, as X does with a client
     * that cannot keep up.
     */
    @WithDefault("67108864")
    int slowClientBytes();
}
