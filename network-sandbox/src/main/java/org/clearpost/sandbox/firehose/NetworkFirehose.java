package org.clearpost.sandbox.firehose;

import java.time.Duration;

/**
 * One network's side of the sandbox's mention firehose: it makes mentions of the watched accounts and terms and
 * serves them through that network's own API shapes (stream, SSE, WebSocket, webhook, paged catch-up), keeping every
 * one it made so the catch-up APIs can page over them. One bean per network; {@code FirehoseResource} drives them all.
 */
public interface NetworkFirehose {

    /** The network's key as in {@code ?network=} ({@code x}, {@code mastodon}, ...). */
    String network();

    /**
     * Starts making {@code perSecond} mentions a second for {@code duration}, spread evenly, on top of any burst
     * already running; returns at once. Mentions made while no client is connected are kept for catch-up.
     */
    void burst(int perSecond, Duration duration);

    /**
     * Makes the next {@code texts.size()} mentions this firehose makes say these texts (in order) instead of its own;
     * returns false if this network's mentions cannot carry a given text.
     */
    default boolean say(java.util.List<String> texts) {
        return false;
    }

    /** Closes every open live connection now, as a network's load balancer would; clients must reconnect. */
    void drop();

    /** Keeps live connections open but sends nothing, not even keep-alives, for {@code duration}. */
    void silence(Duration duration);

    /** How many mentions it has made since the last reset (what a test expects to find stored). */
    long made();

    /** Forgets every mention made and ends any burst, silence and connection. */
    void reset();
}
