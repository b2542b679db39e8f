package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** The emergency stop was lifted; held posts are published (late ones at once). */
public record PublishingResumed(UUID suspensionId, String resumedBy, String reason, Instant resumedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return PublishingSuspended.AGGREGATE_ID;
    }
}
