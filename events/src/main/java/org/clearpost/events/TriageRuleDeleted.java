package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A triage rule was deleted: triage no longer applies it. */
public record TriageRuleDeleted(UUID ruleId, String deletedBy, Instant deletedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return ruleId.toString();
    }
}
