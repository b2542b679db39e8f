package org.clearpost.monitoring.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.TrackedQueryDefined.Purpose;

public record TriageRuleView(UUID id, ResponseReason reason, String name, List<UUID> queryIds,
        List<Purpose> purposes, String terms, Double sentimentAtMost, Double sentimentAtLeast,
        List<String> authorLists, boolean active, String changedBy, Instant changedAt) {

    static TriageRuleView of(TriageRule r) {
        return new TriageRuleView(r.id(), r.reason(), r.name(), r.queryIds(), r.purposes(), r.terms(),
                r.sentimentAtMost(), r.sentimentAtLeast(), r.authorLists(), r.active(), r.changedBy(), r.changedAt());
    }
}
