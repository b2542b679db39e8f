package org.clearpost.publisher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", List.of("120"))), NOW))
                .isEqualTo(NOW.plusSeconds(120));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", List.of("Wed, 02 Dec 2026 10:05:00 GMT"))), NOW))
                .isEqualTo(Instant.parse("2026-12-02T10:05:00Z"));
    }

    @Test
    void xsResetWhenItHasNoCallsLeft() {
        assertThat(RetryAfter.of(headers(Map.of("x-rate-limit-remaining", List.of("0"),
                "x-rate-limit-reset", List.of(Long.toString(NOW.plusSeconds(900).getEpochSecond())))), NOW))
                .isEqualTo(NOW.plusSeconds(900));
        assertThat(RetryAfter.of(headers(Map.of("x-rate-limit-remaining", List.of("12"),
                "x-rate-limit-reset", List.of(Long.toString(NOW.plusSeconds(900).getEpochSecond())))), NOW)).isNull();
    }

    @Test
    void nothingUsableIsNoTime() {
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", List.of("soon"))), NOW)).isNull();
        assertThat(RetryAfter.of(headers(Map.of()), NOW)).isNull();
    }
}
