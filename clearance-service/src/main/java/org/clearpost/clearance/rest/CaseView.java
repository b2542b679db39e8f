package org.clearpost.clearance.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.domain.CaseStatus;
import org.clearpost.clearance.domain.ClearanceCase;
import org.clearpost.events.Target;

/** A clearance case as the clearer's queue shows it. */
public record CaseView(UUID id, UUID postId, int version, String contentHash, String author, String text,
        List<Target> targets, Instant scheduledAt, Instant submittedAt, CaseStatus status, String decidedBy,
        String decisionComment, Instant decidedAt) {

    static CaseView of(ClearanceCase c) {
        return new CaseView(c.id, c.postId, c.version, c.contentHash, c.author, c.text, c.targets, c.scheduledAt,
                c.submittedAt, c.status, c.decidedBy, c.decisionComment, c.decidedAt);
    }
}
