package org.clearpost.analytics.engagement;

import java.util.Map;
import org.clearpost.events.Network;
import org.clearpost.events.figures.Figure;

/**
 * A change to one engagement-totals row when a target's latest sample changes: the new sample's figures less the
 * ones it replaces ({@code posts} +1 for a target's first sample, -1 when a target leaves the row).
 */
record TotalsDelta(String campaign, Network network, long posts, Map<String, Long> metrics) {

    String key() {
        return Figure.key(campaign, network);
    }
}
