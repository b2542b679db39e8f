package org.clearpost.publisher.domain;

/**
 * PENDING: waiting for its due time (first try or a retry). PUBLISHING: a network call is, or was, under way.
 * PUBLISHED and FAILED are final: a publication leaves them never, so it reaches a network at most once.
 */
public enum PublicationStatus {
    PENDING, PUBLISHING, PUBLISHED, FAILED
}
