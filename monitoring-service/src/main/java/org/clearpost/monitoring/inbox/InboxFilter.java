package org.clearpost.monitoring.inbox;

import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;

/**
 * One page of the inbox: every filter null (or false for {@code includeHidden}) matches everything.
 *
 * @param assignee      a user name, already resolved from {@code me}; {@link #NOBODY} for unassigned mentions
 * @param overdue       true: open (NEW, ASSIGNED) and past its due time or marked overdue; false: not so
 * @param includeHidden whether hidden mentions (spam, abuse) are listed too
 */
public record InboxFilter(MentionState state, Network network, UUID query, UUID theme, MentionPriority priority,
        SentimentLabel sentiment, String assignee, Boolean overdue, String label, Boolean possibleFoi,
        boolean includeHidden, InboxSort sort, int page, int size) {

    /** The {@code assignee} filter value for mentions nobody is assigned. */
    public static final String NOBODY = "none";

    public InboxFilter {
        sort = sort == null ? InboxSort.NEWEST : sort;
    }
}
