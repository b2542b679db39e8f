package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphUsageTest {

    private static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void aPageUnderItsAllowanceDoesNotWait() {
        assertThat(GraphUsage.pausedUntil(headers("{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}",
                "{\"1049\":[{\"type\":\"pages\",\"call_count\":99,\"total_cputime\":5,\"total_time\":5,"
                        + "\"estimated_time_to_regain_access\":0}]}"), NOW)).isEmpty();
    }

    @Test
    void aThrottledPageWaitsForMetasEstimate() {
        assertThat(GraphUsage.pausedUntil(headers("{\"call_count\":40,\"total_time\":10,\"total_cputime\":10}",
                "{\"1049\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":20,"
                        + "\"estimated_time_to_regain_access\":17}]}"), NOW))
                .contains(NOW.plus(Duration.ofMinutes(17)));
    }

    @Test
    void anAppAtItsLimitWaitsForTheRollingHour() {
        assertThat(GraphUsage.pausedUntil(headers("{\"call_count\":100,\"total_time\":12,\"total_cputime\":9}",
                null), NOW)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void unreadableOrMissingHeadersDeferNothing() {
        assertThat(GraphUsage.pausedUntil(headers("not json", "[1,2]"), NOW)).isEmpty();
        assertThat(GraphUsage.pausedUntil(HttpHeaders.of(Map.of(), (k, v) -> true), NOW)).isEmpty();
    }

    private static HttpHeaders headers(String app, String business) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        map.put("x-app-usage", List.of(app));
        if (business != null) {
            map.put("x-business-use-case-usage", List.of(business));
        }
        return HttpHeaders.of(map, (k, v) -> true);
    }
}
