package org.clearpost.events.figures;

import java.time.Instant;
import java.util.Map;
import org.clearpost.events.Network;

/**
 * Engagement totals per campaign ({@code null}: posts in no campaign) and network: the sum over published targets
 * of each target's latest sample.
 */
public record EngagementTotals(String campaign, Network network, long posts, Map<String, Long> metrics, Instant asOf)
        implements Figure {

    public EngagementTotals {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    @Override
    public String key() {
        return Figure.key(campaign, network);
    }
}
