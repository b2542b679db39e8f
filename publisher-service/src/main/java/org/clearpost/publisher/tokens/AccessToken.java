package org.clearpost.publisher.tokens;

import java.util.Objects;

/** A network access token in the clear. Held in memory only as long as a call needs it; never printed. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
