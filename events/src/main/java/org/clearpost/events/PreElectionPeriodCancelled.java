package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A declared pre-election period was withdrawn before or during its course. */
public record PreElectionPeriodCancelled(UUID periodId, String cancelledBy, String reason, Instant cancelledAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return periodId.toString();
    }
}
