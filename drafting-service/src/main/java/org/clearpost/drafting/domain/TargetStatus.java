package org.clearpost.drafting.domain;

/** Where one target of a post stands, as events come back from clearance and the publisher. */
public enum TargetStatus {
    DRAFT, IN_CLEARANCE, CLEARED, REJECTED, PUBLISHED, FAILED
}
