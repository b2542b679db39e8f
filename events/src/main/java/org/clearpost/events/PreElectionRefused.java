package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * During a pre-election period a clearer tried to clear a post the period's rules forbid, and clearance refused it
 * (the case stays open to be rejected or changed). Keyed by the period, for its report.
 *
 * @param refusals each rule that refused it, as the clearer was told
 */
public record PreElectionRefused(UUID periodId, UUID postId, int version, UUID caseId, List<String> refusals,
        String attemptedBy, Instant refusedAt) implements ClearpostEvent {

    public PreElectionRefused {
        refusals = List.copyOf(refusals);
    }

    @Override
    public String aggregateId() {
        return periodId.toString();
    }
}
