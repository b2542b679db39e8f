package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post version was submitted for clearance. The content hash binds a clearance to this exact version. */
public record PostDrafted(UUID postId, int version, String contentHash, String author, String text,
        List<Target> targets, Instant scheduledAt, Instant submittedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
