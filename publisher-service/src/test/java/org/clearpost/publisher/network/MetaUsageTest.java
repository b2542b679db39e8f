package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaUsageTest {

    private static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void aThrottledBusinessUseCaseWaitsTheEstimatedMinutes() {
        String usage = """
                {"112233": [{"type": "pages", "call_count": 100, "total_cputime": 20, "total_time": 30,
                             "estimated_time_to_regain_access": 19}]}""";

        assertThat(MetaUsage.pausedUntil(headers(usage, null), NOW)).contains(NOW.plus(Duration.ofMinutes(19)));
    }

    @Test
    void theLongestWaitOfSeveralUseCasesWins() {
        String usage = """
                {"1": [{"type": "pages", "call_count": 10, "estimated_time_to_regain_access": 0},
                       {"type": "instagram", "call_count": 100, "estimated_time_to_regain_access": 5}],
                 "2": [{"type": "ads_management", "total_time": 100, "estimated_time_to_regain_access": 42}]}""";

        assertThat(MetaUsage.pausedUntil(headers(usage, null), NOW)).contains(NOW.plus(Duration.ofMinutes(42)));
    }

    @Test
    void aNearlySpentUseCaseWithoutEstimateWaitsAnHour() {
        String usage = """
                {"1": [{"type": "pages", "call_count": 96, "total_cputime": 1, "total_time": 1,
                        "estimated_time_to_regain_access": 0}]}""";

        assertThat(MetaUsage.pausedUntil(headers(usage, null), NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void usageWellBelowTheLimitDoesNotWait() {
        String usage = """
                {"1": [{"type": "pages", "call_count": 28, "total_cputime": 9, "total_time": 12,
                        "estimated_time_to_regain_access": 0}]}""";

        assertThat(MetaUsage.pausedUntil(headers(usage, "{\"call_count\":40,\"total_time\":3,\"total_cputime\":2}"),
                NOW)).isEmpty();
    }

    @Test
    void aSpentAppWaitsForItsRollingHour() {
        assertThat(MetaUsage.pausedUntil(headers(null, "{\"call_count\":100,\"total_time\":3,\"total_cputime\":2}"),
                NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void unreadableHeadersDeferNothing() {
        assertThat(MetaUsage.pausedUntil(headers("not json", "{oops"), NOW)).isEmpty();
        assertThat(MetaUsage.pausedUntil(headers("[1,2]", null), NOW)).isEmpty();
        assertThat(MetaUsage.pausedUntil(HttpHeaders.of(Map.of(), (k, v) -> true), NOW)).isEmpty();
    }

    private static HttpHeaders headers(String business, String app) {
        Map<String, List<String>> values = new HashMap<>();
        if (business != null) {
            values.put("x-business-use-case-usage", List.of(business));
        }
        if (app != null) {
            values.put("x-app-usage", List.of(app));
        }
        return HttpHeaders.of(values, (k, v) -> true);
    }
}
