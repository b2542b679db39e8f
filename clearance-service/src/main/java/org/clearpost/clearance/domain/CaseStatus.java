package org.clearpost.clearance.domain;

public enum CaseStatus {
    /** Waiting for a clearer. */
    PENDING,
    CLEARED,
    REJECTED,
    /** A newer version of the post was submitted; this one can no longer be decided. */
    WITHDRAWN
}
