package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XRateLimitTest {

    private static final long RESET = 1_767_225_600L;

    @Test
    void anAccountWithNoCallsLeftWaitsForTheReset() {
        assertThat(XRateLimit.pausedUntil(headers("0", Long.toString(RESET))))
                .contains(Instant.ofEpochSecond(RESET));
    }

    @Test
    void anAccountWithCallsLeftDoesNotWait() {
        assertThat(XRateLimit.pausedUntil(headers("1", Long.toString(RESET)))).isEmpty();
        assertThat(XRateLimit.pausedUntil(headers("99", Long.toString(RESET)))).isEmpty();
    }

    @Test
    void withoutUsableHeadersNothingIsDeferred() {
        assertThat(XRateLimit.pausedUntil(HttpHeaders.of(Map.of(), (k, v) -> true))).isEmpty();
        assertThat(XRateLimit.pausedUntil(headers("0", "soon"))).isEmpty();
        assertThat(XRateLimit.pausedUntil(headers("none", Long.toString(RESET)))).isEmpty();
        assertThat(XRateLimit.pausedUntil(HttpHeaders.of(Map.of(XRateLimit.REMAINING, List.of("0")),
                (k, v) -> true))).isEmpty();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        HttpHeaders headers = HttpHeaders.of(Map.of("X-Rate-Limit-Remaining", List.of("0"),
                "X-Rate-Limit-Reset", List.of(Long.toString(RESET))), (k, v) -> true);

        assertThat(XRateLimit.pausedUntil(headers)).contains(Instant.ofEpochSecond(RESET));
    }

    private static HttpHeaders headers(String remaining, String reset) {
        return HttpHeaders.of(Map.of(XRateLimit.REMAINING, List.of(remaining), XRateLimit.RESET, List.of(reset),
                "x-rate-limit-limit", List.of("100")), (k, v) -> true);
    }
}
