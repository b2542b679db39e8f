package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** One target of a cleared post could not be published; the reason is shown to the drafter as is. */
public record PublicationFailed(UUID postId, int version, UUID targetId, Network network, String account,
        String reason, Instant failedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
