package org.clearpost.console.web;

import java.util.Locale;
import java.util.Map;

/** Services' enum words as people read them: {@code AWAITING_CLEARANCE} → "Awaiting clearance". */
public final class Words {

    private static final Map<String, String> NETWORKS = Map.of("X", "X", "FACEBOOK", "Facebook", "LINKEDIN",
            "LinkedIn", "YOUTUBE", "YouTube", "FLICKR", "Flickr", "SOUNDCLOUD", "SoundCloud", "BLUESKY", "Bluesky",
            "MASTODON", "Mastodon", "THREADS", "Threads");

    private Words() {
    }

    public static String of(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        words = words.replace("foi", "FOI").replace("sla", "SLA");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String network(String network) {
        return network == null ? "" : NETWORKS.getOrDefault(network, of(network));
    }
}
