package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Clearance opened a case for a submitted post version and chose its route: the start of the turnaround clock and,
 * during a pre-election period, the record that the post was routed under its rules.
 *
 * @param routeReason        why this route (e.g. the period's name, the crisis)
 * @param preElectionPeriodId the pre-election period whose rules it is cleared under, else {@code null}
 * @param flags              how many impartiality flags the clearer will see
 * @param submittedAt        when the drafter submitted the version (the turnaround starts here)
 */
public record ClearanceCaseOpened(UUID postId, int version, UUID caseId, String route, String routeReason,
        UUID preElectionPeriodId, int flags, Instant dueAt, Instant submittedAt, Instant openedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
