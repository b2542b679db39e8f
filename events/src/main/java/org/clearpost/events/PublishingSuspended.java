package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** Emergency stop: a lead or admin halted all publishing; the publisher holds every cleared post until resumed. */
public record PublishingSuspended(UUID suspensionId, String suspendedBy, String reason, Instant suspendedAt)
        implements ClearpostEvent {

    /** Every publishing control event shares one key, so suspensions and resumptions stay in order. */
    public static final String AGGREGATE_ID = "publishing";

    @Override
    public String aggregateId() {
        return AGGREGATE_ID;
    }
}
