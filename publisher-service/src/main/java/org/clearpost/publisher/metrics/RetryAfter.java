package org.clearpost.publisher.metrics;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.clearpost.publisher.network.XRateLimit;

/** When a network said to come back: {@code Retry-After} (seconds or an HTTP date), else X's rate-limit reset. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Instant of(HttpHeaders headers, Instant now) {
        Optional<Instant> retryAfter = headers.firstValue("Retry-After").flatMap(v -> parse(v.strip(), now));
        return retryAfter.or(() -> XRateLimit.pausedUntil(headers)).orElse(null);
    }

    static Optional<Instant> parse(String value, Instant now) {
        try {
            return Optional.of(now.plusSeconds(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
