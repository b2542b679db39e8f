package org.clearpost.events.figures;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.Network;

/** The latest engagement sampled for one published target (one post on one account). */
public record PostEngagement(UUID targetId, UUID postId, Network network, String account, String campaign,
        String externalId, Instant publishedAt, String sampleAge, Map<String, Long> metrics, Instant sampledAt,
        Instant asOf) implements Figure {

    public PostEngagement {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    @Override
    public String key() {
        return targetId.toString();
    }
}
