package org.clearpost.events;

/**
 * Where a mention stands in monitoring's inbox. NEW → ASSIGNED → AWAITING_CLEARANCE → ANSWERED → CLOSED, or
 * NO_RESPONSE_NEEDED (with a reason) from NEW or ASSIGNED; monitoring's {@code InboxTransitions} is the full table.
 */
public enum MentionState {
    NEW, ASSIGNED, AWAITING_CLEARANCE, ANSWERED, CLOSED, NO_RESPONSE_NEEDED
}
