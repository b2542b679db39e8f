package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An essential post was cleared during a pre-election period: the exemption on record, with the reason the drafter
 * gave and the clearer's comment. Keyed by the period, for its report; the {@code PostCleared} follows it.
 */
public record PreElectionExemptionGranted(UUID exemptionId, UUID periodId, UUID postId, int version, UUID caseId,
        String essentialReason, String grantedBy, String comment, Instant grantedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return periodId.toString();
    }
}
