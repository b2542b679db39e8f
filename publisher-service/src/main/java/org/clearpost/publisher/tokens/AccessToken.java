package org.clearpost.publisher.tokens;

import java.util.Objects;

/**
 * A network access token in the clear. Held in memory only as long as a call needs it; never printed.
 *
 * @param secret the token secret an OAuth 1.0a token is signed with (Flickr); null for bearer tokens
 */
public record AccessToken(String value, String secret) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    public AccessToken(String value) {
        this(value, null);
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
