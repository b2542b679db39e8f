package org.clearpost.clearance.domain;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;

/** The queue's filters; null means "any". */
public record CaseFilter(CaseStatus status, UUID postId, String route, Instant dueBefore, Boolean overdue,
        String campaign, Network network, Boolean flagged) {
}
