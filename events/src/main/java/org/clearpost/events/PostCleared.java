package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Communications clearer approved one post version. Carries the cleared content itself, so the publisher
 * publishes exactly what was cleared and never needs to ask drafting for it.
 */
public record PostCleared(UUID postId, int version, String contentHash, String author, String clearedBy,
        String comment, String text, List<Target> targets, Instant scheduledAt, Instant clearedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
