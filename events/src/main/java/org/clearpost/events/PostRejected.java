package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A clearer refused one post version, saying why. */
public record PostRejected(UUID postId, int version, String contentHash, String rejectedBy, String comment,
        Instant rejectedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
