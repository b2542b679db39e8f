package org.clearpost.monitoring.pipeline;

import java.util.EnumMap;
import java.util.Map;
import org.clearpost.events.Network;

/**
 * The longest mention text kept per network (UTF-16 characters), a little above what the network itself allows, so a
 * real mention is never cut and a broken or hostile one (1 MB of text) cannot bloat the inbox. The table is in the
 * module README; change both together.
 */
public final class NetworkLimits {

    /** Ids, handles, names, language tags: longer is never real. */
    public static final int FIELD = 1_000;
    /** Links. */
    public static final int URL = 2_048;

    private static final Map<Network, Integer> TEXT = new EnumMap<>(Map.of(
            Network.X, 25_000,           // Premium long posts: 25,000 characters
            Network.FACEBOOK, 10_000,    // comments 8,000 (posts may be 63,206: a visitor post that long is cut)
            Network.LINKEDIN, 3_000,     // posts 3,000, comments 1,250
            Network.YOUTUBE, 10_000,     // comments 10,000
            Network.BLUESKY, 3_000,      // 300 graphemes (the record allows 3,000 bytes)
            Network.MASTODON, 20_000,    // 500 by default, but each instance sets its own max_characters
            Network.FLICKR, 10_000,
            Network.SOUNDCLOUD, 1_000,
            Network.THREADS, 500));      // posts 500

    private NetworkLimits() {
    }

    /** The longest text kept for a mention on {@code network}. */
    public static int text(Network network) {
        return TEXT.getOrDefault(network, 10_000);
    }
}
