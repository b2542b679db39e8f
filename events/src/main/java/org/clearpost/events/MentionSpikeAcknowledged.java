package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead acknowledged a spike (MentionSpikeDetected): someone has seen the possible crisis. Once per spike: the first
 * acknowledgement stays on the record.
 *
 * @param note what was done about it, else null
 */
public record MentionSpikeAcknowledged(UUID spikeId, UUID queryId, String acknowledgedBy, String note,
        Instant acknowledgedAt) implements ClearpostEvent {

    /** Keyed like MentionSpikeDetected (by query), so a spike and its acknowledgement stay in order. */
    @Override
    public String aggregateId() {
        return queryId.toString();
    }
}
