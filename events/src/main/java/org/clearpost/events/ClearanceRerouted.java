package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An open clearance case moved to another route after it opened, because a pre-election period was declared, changed
 * or cancelled, or came into force before the case was decided. Steps already taken stay on record and count where
 * the new route has them. {@code periodId} names the period behind the change, if any.
 */
public record ClearanceRerouted(UUID postId, int version, UUID caseId, String fromRoute, String toRoute,
        String reason, UUID periodId, Instant reroutedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
