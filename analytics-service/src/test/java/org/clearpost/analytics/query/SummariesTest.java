package org.clearpost.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tdunning.math.stats.MergingDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.events.EventJson;
import org.clearpost.events.figures.ClearanceTurnaround;
import org.clearpost.events.figures.Percentiles;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void weeksAreMergedByRouteWithPercentilesOfTheWholeRange() {
        // A quiet week of slow decisions and a busy week of fast ones: the range's p50 is a fast one, not the mean of
        // the weekly medians
        ObjectNode quiet = week("press", "2026-05-04", 1000, 2, 0);
        ObjectNode busy = week("press", "2026-05-11", 10, 98, 0);
        ObjectNode other = week("social", "2026-05-04", 50, 4, 0);

        List<ObjectNode> merged = Summaries.merge(FigureType.CLEARANCE_TURNAROUND, List.of(quiet, busy, other));

        assertThat(merged).hasSize(2);
        ObjectNode press = merged.get(0);
        assertThat(press.get("route").asText()).isEqualTo("press");
        assertThat(press.get("decisions").asLong()).isEqualTo(100);
        assertThat(press.get("fromWeek").asText()).isEqualTo("2026-05-04");
        assertThat(press.get("toWeek").asText()).isEqualTo("2026-05-11");
        assertThat(press.get("businessSeconds").get("count").asLong()).isEqualTo(100);
        assertThat(press.get("businessSeconds").get("p50").asDouble()).isCloseTo(10, within(1.0));
        assertThat(press.get("businessSeconds").get("max").asDouble()).isEqualTo(1000);
    }

    private static ObjectNode week(String route, String weekStart, double seconds, int decisions, long overdue) {
        MergingDigest digest = Digests.empty();
        for (int i = 0; i < decisions; i++) {
            digest.add(seconds);
        }
        Percentiles percentiles = Digests.percentiles(digest);
        return EventJson.mapper().valueToTree(new ClearanceTurnaround(route, LocalDate.parse(weekStart), decisions,
                decisions, 0, 0, overdue, percentiles, percentiles, Digests.write(digest), Digests.write(digest),
                Instant.EPOCH));
    }
}
