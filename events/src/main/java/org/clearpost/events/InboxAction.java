package org.clearpost.events;

/** What a person (or the SLA clock) did to a mention in the inbox; each is audited and sent as {@code MentionActioned}. */
public enum InboxAction {
    ASSIGNED, UNASSIGNED, STATE_CHANGED, LABEL_ADDED, LABEL_REMOVED, NOTE_ADDED, CLAIMED, CLAIM_RELEASED,
    REPLY_REQUESTED, HIDDEN, SHOWN, PRIORITY_CHANGED
}
