package org.clearpost.events.figures;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.clearpost.events.Network;

/**
 * Engagement totals per campaign ({@code null}: posts in no campaign) and network: the sum over published targets
 * of each target's latest sample.
 */
public record EngagementTotals(String campaign, Network network, long posts, Map<String, Long> metrics, Instant asOf)
        implements Figure {

    public EngagementTotals {
        // In name order: the row's JSON, and its CSV columns, come out the same in every JVM (Map.copyOf's order
        // changes from one JVM to the next, so a figure rebuilt after a restart had its CSV columns shuffled).
        metrics = metrics == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(metrics)));
    }

    @Override
    public String key() {
        return Figure.key(campaign, network);
    }
}
