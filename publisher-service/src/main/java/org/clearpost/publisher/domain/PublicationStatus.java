package org.clearpost.publisher.domain;

/**
 * PENDING: waiting for its due time (first try, a retry, its next step, or a rate budget: see wait_reason). HELD:
 * its account needs an admin to connect it again; it goes back to PENDING when one does. PUBLISHING: a network call is, or was,
 * under way. PUBLISHED, FAILED and WITHDRAWN are final: a publication leaves them never, so it reaches a network at
 * most once. WITHDRAWN: drafting withdrew the version before it (or all of it) went out.
 */
public enum PublicationStatus {
    PENDING, HELD, PUBLISHING, PUBLISHED, FAILED, WITHDRAWN
}
