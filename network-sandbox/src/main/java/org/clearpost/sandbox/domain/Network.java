package org.clearpost.sandbox.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

public enum Network {
    X, FACEBOOK, MASTODON, BLUESKY, LINKEDIN, YOUTUBE, FLICKR, SOUNDCLOUD, THREADS;

    /** The lower-case name used in JSON and in {@code ?network=}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Network> fromKey(String key) {
        for (Network n : values()) {
            if (n.key().equalsIgnoreCase(key)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
