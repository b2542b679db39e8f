package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone did something to a mention in the inbox (the audit trail, as events): who, what, when, and where it left the
 * mention.
 *
 * @param actor    the person's user name, or {@code "system"} for what the service did by itself (a claim timing out,
 *                 an answer published)
 * @param state    the mention's state after the action
 * @param assignee who it is assigned to after the action, else null
 * @param detail   the action's object: the label, the note's text, the new priority, the reason for a state, ...
 */
public record MentionActioned(UUID actionId, UUID mentionId, InboxAction action, String actor, MentionState state,
        String assignee, String detail, Instant at) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return mentionId.toString();
    }
}
