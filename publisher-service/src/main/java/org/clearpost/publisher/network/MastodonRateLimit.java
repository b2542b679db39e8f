package org.clearpost.publisher.network;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Mastodon's rate-limit headers: {@code X-RateLimit-Remaining} calls are left until {@code X-RateLimit-Reset}, an
 * ISO 8601 timestamp (unlike X's epoch seconds). Posting statuses and uploading media have their own, tighter limits
 * (300 statuses per 3 h per account), announced by the same headers on those endpoints. When nothing is left, the
 * account waits for the reset.
 */
public final class MastodonRateLimit {

    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private MastodonRateLimit() {
    }

    /** The reset time when the account has no calls left; empty while it has, or when the instance did not say. */
    public static Optional<Instant> pausedUntil(HttpHeaders headers) {
        return pausedUntil(headers.firstValue(REMAINING), headers.firstValue(RESET));
    }

    /** When the current window ends, whatever is left of it (a 429's wait). */
    public static Optional<Instant> resetAt(HttpHeaders headers) {
        return headers.firstValue(RESET).flatMap(MastodonRateLimit::instant);
    }

    static Optional<Instant> pausedUntil(Optional<String> remaining, Optional<String> reset) {
        if (remaining.flatMap(MastodonRateLimit::number).filter(r -> r <= 0).isEmpty()) {
            return Optional.empty();
        }
        return reset.flatMap(MastodonRateLimit::instant);
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // Mastodon writes e.g. 2026-12-02T15:00:00.000Z; an offset other than Z is accepted too.
    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
