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
    PUBLICATION_FAILED,
    /** The route a new case takes, why, its steps and due time, and the impartiality flags raised. */
    ROUTE_CHOSEN,
    /** An intermediate step of a multi-step route was approved; the last step is CASE_APPROVED. */
    STEP_APPROVED,
    /** A clearer sent the version back to its drafter with what to change. */
    CHANGES_REQUESTED,
    /** An essential post was cleared while a pre-election period was in force. */
    PRE_ELECTION_EXEMPTION,
    PRE_ELECTION_PERIOD_DECLARED,
    PRE_ELECTION_PERIOD_CHANGED,
    PRE_ELECTION_PERIOD_CANCELLED,
    CRISIS_MODE_ON,
    CRISIS_MODE_OFF,
    /** An undecided case passed its due time; the leads were notified. */
    CASE_OVERDUE,
    CLEARER_ON_DUTY,
    CLEARER_OFF_DUTY,
    /** An admin replaced the bank holiday data deadlines are counted with. */
    BANK_HOLIDAYS_UPLOADED,
    /** An open case moved to another route: a pre-election period was declared, changed, cancelled or in force. */
    CASE_REROUTED,
    /**
     * Someone tried to approve, reject or request changes and was refused (403 or 409): who, what and why. Written
     * in a transaction of its own after the refused decision's rolled back.
     */
    DECISION_REFUSED
}
