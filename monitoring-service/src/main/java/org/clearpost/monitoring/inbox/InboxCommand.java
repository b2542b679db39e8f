package org.clearpost.monitoring.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;

/** What a person does to a mention, or to many at once (a theme's). Each is audited as one or more InboxActions. */
public sealed interface InboxCommand {

    /** Owner; a NEW, CLOSED or NO_RESPONSE_NEEDED mention becomes ASSIGNED. */
    record Assign(String assignee) implements InboxCommand {
    }

    /** No owner; an ASSIGNED mention goes back to NEW. */
    record Unassign() implements InboxCommand {
    }

    /**
     * NEW (back to the queue), ASSIGNED (reopen), NO_RESPONSE_NEEDED (with a reason) or CLOSED. The reply's states
     * (AWAITING_CLEARANCE, ANSWERED) are reached by requesting a reply and by its publication, never set directly.
     */
    record ChangeState(MentionState state, String reason) implements InboxCommand {
    }

    record Labels(List<String> add, List<String> remove) implements InboxCommand {
        public Labels {
            add = add == null ? List.of() : List.copyOf(add);
            remove = remove == null ? List.of() : List.copyOf(remove);
        }
    }

    /** Claims (or, by its holder, renews) the mention for answering. */
    record TakeClaim() implements InboxCommand {
    }

    /** @param overrule a lead or admin may free a mention someone else holds (someone went home) */
    record ReleaseClaim(boolean overrule) implements InboxCommand {
    }

    /** @param dueFor the business-hours due time of a priority for a mention received at the instant */
    record Prioritise(MentionPriority priority, String reason,
            BiFunction<MentionPriority, Instant, Optional<Instant>> dueFor) implements InboxCommand {
    }

    record Hide(String reason) implements InboxCommand {
    }

    record Show() implements InboxCommand {
    }
}
