package org.clearpost.events.figures;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.clearpost.events.Network;

/** The latest engagement sampled for one published target (one post on one account). */
public record PostEngagement(UUID targetId, UUID postId, Network network, String account, String campaign,
        String externalId, Instant publishedAt, String sampleAge, Map<String, Long> metrics, Instant sampledAt,
        Instant asOf) implements Figure {

    public PostEngagement {
        // In name order: the row's JSON, and its CSV columns, come out the same in every JVM (Map.copyOf's order
        // changes from one JVM to the next, so a figure rebuilt after a restart had its CSV columns shuffled).
        metrics = metrics == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(metrics)));
    }

    @Override
    public String key() {
        return targetId.toString();
    }
}
