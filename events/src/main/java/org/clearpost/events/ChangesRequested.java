package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A clearer sent one post version back to its drafter with what to change; a new version reopens clearance. */
public record ChangesRequested(UUID postId, int version, String contentHash, String requestedBy, String comment,
        Instant requestedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
