package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A tracked query was retired: no mention is matched against it any more. */
public record TrackedQueryRetired(UUID queryId, String retiredBy, Instant retiredAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return queryId.toString();
    }
}
