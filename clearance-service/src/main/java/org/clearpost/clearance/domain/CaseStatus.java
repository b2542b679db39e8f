package org.clearpost.clearance.domain;

public enum CaseStatus {
    /** Waiting for a clearer (or for the next step of its route). */
    PENDING,
    CLEARED,
    REJECTED,
    /** Sent back to the drafter; a new version opens a new case. */
    CHANGES_REQUESTED,
    /** A newer version was submitted, or drafting withdrew this one; it can no longer be decided. */
    WITHDRAWN
}
