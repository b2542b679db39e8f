package org.clearpost.drafting.domain;

import java.time.Instant;

/**
 * Where one target of a post stands, as events come back from clearance and the publisher. A cleared target with a
 * publication time still ahead is shown as {@code SCHEDULED} ({@link #shown}); that is a matter of the clock, not
 * a stored state.
 */
public enum TargetStatus {
    DRAFT, IN_CLEARANCE, CHANGES_REQUESTED, CLEARED, SCHEDULED, REJECTED, PUBLISHED, FAILED, WITHDRAWN;

    /** The status as shown at {@code now}: cleared with a future publication time is scheduled. */
    public TargetStatus shown(Instant scheduledAt, Instant now) {
        return this == CLEARED && scheduledAt != null && scheduledAt.isAfter(now) ? SCHEDULED : this;
    }
}
