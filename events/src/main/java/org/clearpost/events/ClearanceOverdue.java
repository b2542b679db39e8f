package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A clearance case passed its due time undecided; the named leads were notified. Raised once per case. */
public record ClearanceOverdue(UUID postId, int version, UUID caseId, String route, Instant dueAt,
        List<String> notifiedLeads, Instant detectedAt) implements ClearpostEvent {

    public ClearanceOverdue {
        notifiedLeads = List.copyOf(notifiedLeads);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
