package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A submitted version is no longer the one to publish: it was edited (a new version follows) or the post was
 * withdrawn. Clearance closes its case; the publisher drops anything not yet published for it.
 */
public record PostVersionWithdrawn(UUID postId, int version, String contentHash, String withdrawnBy,
        WithdrawalReason reason, Instant withdrawnAt) implements ClearpostEvent {

    public enum WithdrawalReason {
        /** The post was edited; the new version needs a new submission. */
        EDITED,
        /** The drafter withdrew the post altogether. */
        WITHDRAWN
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
