package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The publisher refused a PostCleared whose signature did not verify against clearance's key: a forged or altered
 * decision, or one signed with a key the publisher does not trust. Nothing of it was published; the record itself is
 * on the publisher's dead-letter topic. An alert for operations and security: someone could write to the decisions
 * topic who should not, or the two services' keys disagree.
 *
 * @param postId the post the decision claimed to clear (unverified, as claimed)
 * @param version the version it claimed (unverified)
 * @param clearedBy who it claimed cleared it (unverified)
 * @param eventId the refused record's {@code ce_id}
 * @param eventSource the refused record's {@code ce_source}, as claimed
 * @param reason why the signature was refused
 */
public record DecisionSignatureRejected(UUID postId, int version, String clearedBy, String eventId,
        String eventSource, String reason, String topic, int partition, long offset, Instant detectedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
