package org.clearpost.console.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clearpost.console.web.Words;

/**
 * The networks an admin connects accounts on, as the publisher names them ({@code X}, {@code BLUESKY}), and how each
 * is connected: every one through its own OAuth flow, except Bluesky, which takes an app password.
 */
public enum Networks {
    X,
    FACEBOOK,
    LINKEDIN,
    YOUTUBE,
    FLICKR,
    SOUNDCLOUD,
    BLUESKY,
    MASTODON,
    THREADS;

    public String getKey() {
        return name();
    }

    public String getShownAs() {
        return Words.network(name());
    }

    /** Connected by sending the admin to the network's consent page (all but Bluesky). */
    public boolean isOauth() {
        return this != BLUESKY;
    }

    /** The networks connected through OAuth, for the "Connect" form's choices. */
    public static List<Networks> oauth() {
        return Arrays.stream(values()).filter(Networks::isOauth).toList();
    }

    public static Optional<Networks> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(n -> n.name().equals(key.strip().toUpperCase(Locale.ROOT))).findFirst();
    }

    /** How a network the console does not know (a newer publisher) is shown: as the publisher wrote it. */
    public static String shownAs(String key) {
        return byKey(key).map(Networks::getShownAs).orElse(key);
    }
}
