package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead or admin declared (or changed) a pre-election period. While one is in force clearance applies the
 * pre-election route; other services may use it to refuse what purdah forbids.
 *
 * @param kind e.g. {@code general}, {@code local}, {@code referendum}
 * @param scope where it applies, e.g. {@code UK}, {@code Scotland}, a council area
 */
public record PreElectionPeriodDeclared(UUID periodId, String name, String kind, String scope, Instant startsAt,
        Instant endsAt, String declaredBy, Instant declaredAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return periodId.toString();
    }
}
