package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A mention that needs a response passed its business-hours due time unanswered; sent once per mention. */
public record MentionOverdue(UUID mentionId, Network network, MentionPriority priority, MentionState state,
        String assignee, Instant dueAt, Instant detectedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
