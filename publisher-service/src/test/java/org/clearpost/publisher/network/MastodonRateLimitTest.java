package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MastodonRateLimitTest {

    private static final String RESET = "2026-12-02T15:00:00.000Z";

    @Test
    void anAccountWithNoCallsLeftWaitsForTheIsoReset() {
        assertThat(MastodonRateLimit.pausedUntil(headers("0", RESET)))
                .contains(Instant.parse("2026-12-02T15:00:00Z"));
        assertThat(MastodonRateLimit.pausedUntil(headers("0", "2026-12-02T16:00:00+01:00")))
                .contains(Instant.parse("2026-12-02T15:00:00Z"));
    }

    @Test
    void anAccountWithCallsLeftDoesNotWait() {
        assertThat(MastodonRateLimit.pausedUntil(headers("1", RESET))).isEmpty();
        assertThat(MastodonRateLimit.pausedUntil(headers("299", RESET))).isEmpty();
    }

    @Test
    void withoutUsableHeadersNothingIsDeferred() {
        assertThat(MastodonRateLimit.pausedUntil(HttpHeaders.of(Map.of(), (k, v) -> true))).isEmpty();
        // X's epoch seconds are not Mastodon's format: not taken for a time.
        assertThat(MastodonRateLimit.pausedUntil(headers("0", "1767225600"))).isEmpty();
        assertThat(MastodonRateLimit.pausedUntil(headers("none", RESET))).isEmpty();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        HttpHeaders headers = HttpHeaders.of(Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(RESET)), (k, v) -> true);

        assertThat(MastodonRateLimit.pausedUntil(headers)).contains(Instant.parse(RESET));
    }

    private static HttpHeaders headers(String remaining, String reset) {
        return HttpHeaders.of(Map.of("X-RateLimit-Limit", List.of("300"), MastodonRateLimit.REMAINING,
                List.of(remaining), MastodonRateLimit.RESET, List.of(reset)), (k, v) -> true);
    }
}
