package org.clearpost.events.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

/**
 * A figure's metrics iterate in name order whatever order they were given in: its JSON and CSV (one column per
 * metric) are then the same from every JVM, so a figure rebuilt by a replay reads exactly as the live one did.
 */
class MetricsOrderTest {

    private static final Map<String, Long> GIVEN = new HashMap<>(Map.of("reach", 3L, "impressions", 5L,
            "linkClicks", 1L, "engagements", 2L, "likes", 4L));

    @Test
    void engagementMetricsAreInNameOrder() {
        PostEngagement row = new PostEngagement(UUID.randomUUID(), UUID.randomUUID(), Network.X, "a", null, "1",
                Instant.EPOCH, "1h", GIVEN, Instant.EPOCH, Instant.EPOCH);
        EngagementTotals totals = new EngagementTotals(null, Network.X, 1, GIVEN, Instant.EPOCH);

        assertThat(row.metrics().keySet()).containsExactly("engagements", "impressions", "likes", "linkClicks", "reach");
        assertThat(totals.metrics().keySet()).containsExactly("engagements", "impressions", "likes", "linkClicks",
                "reach");
        assertThat(row.metrics()).isEqualTo(GIVEN);
        assertThatThrownBy(() -> row.metrics().put("quotes", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
