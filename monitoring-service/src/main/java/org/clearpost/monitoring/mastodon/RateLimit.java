package org.clearpost.monitoring.mastodon;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Mastodon's {@code X-RateLimit-Limit/-Remaining/-Reset} (reset as an ISO 8601 time; 300 calls per 5 minutes per
 * account by default). An answer without them (a proxy, an old server) never makes the intake wait.
 */
record RateLimit(OptionalLong limit, OptionalLong remaining, Optional<Instant> reset) {

    static final RateLimit NONE = new RateLimit(OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

    static RateLimit of(HttpHeaders headers) {
        return new RateLimit(number(headers.firstValue("X-RateLimit-Limit")),
                number(headers.firstValue("X-RateLimit-Remaining")), time(headers.firstValue("X-RateLimit-Reset")));
    }

    /**
     * How long to wait before the next call: until the reset (plus a little, for clock skew) when no call is left in
     * the window; otherwise none.
     */
    Duration waitBeforeNext(Instant now) {
        if (remaining.isEmpty() || remaining.getAsLong() > 0 || reset.isEmpty() || !reset.get().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, reset.get()).plusSeconds(1);
    }

    private static OptionalLong number(Optional<String> value) {
        try {
            return value.isPresent() ? OptionalLong.of(Long.parseLong(value.get().trim())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Instant> time(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim();
        try {
            return Optional.of(java.time.OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // Some Mastodon-compatible servers send epoch seconds, as X does.
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
            } catch (NumberFormatException e2) {
                return Optional.empty();
            }
        }
    }
}
