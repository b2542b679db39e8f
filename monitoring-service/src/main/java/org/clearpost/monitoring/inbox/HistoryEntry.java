package org.clearpost.monitoring.inbox;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionState;

/** One row of a mention's audit trail ({@code mention_action}): what was done, by whom, where it left the mention. */
public record HistoryEntry(UUID id, InboxAction action, String actor, MentionState state, String assignee,
        String detail, Instant at) {
}
