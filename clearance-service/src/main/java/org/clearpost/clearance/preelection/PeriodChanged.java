package org.clearpost.clearance.preelection;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, inside the change's transaction) when a pre-election period is declared, changed or
 * cancelled, so open cases it now covers, or no longer covers, are re-routed in the same transaction.
 *
 * @param previousStartsAt the period's start before a change, or null for a new period
 * @param previousEndsAt its end before a change, or null
 * @param change {@code declared}, {@code changed} or {@code cancelled}
 */
public record PeriodChanged(UUID periodId, String name, String change, String actor, Instant previousStartsAt,
        Instant previousEndsAt, Instant startsAt, Instant endsAt) {
}
