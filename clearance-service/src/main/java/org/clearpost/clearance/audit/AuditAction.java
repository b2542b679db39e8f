package org.clearpost.clearance.audit;

/** What an audit entry records. Stored by name, so a name once used must never change. */
public enum AuditAction {
    /** A post version arrived for clearance; details are the PostDrafted event, so the log holds the content too. */
    POST_VERSION_SUBMITTED,
    /** A newer version replaced a still-pending case. */
    CASE_WITHDRAWN,
    CASE_APPROVED,
    CASE_REJECTED,
    /** Emergency stop: all publishing halted. */
    PUBLISHING_SUSPENDED,
    PUBLISHING_RESUMED,
    /** One target of a post went live (reported by publisher-service). */
    PUBLISHED,
    /** One target of a post could not be published (reported by publisher-service). */
    PUBLICATION_FAILED
}
