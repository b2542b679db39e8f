package org.clearpost.clearance.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Correctly chained audit entries, to tamper with in pure tests. */
final class AuditEntryMother {

    private AuditEntryMother() {
    }

    static List<AuditEntry> chainOf(int length) {
        List<AuditEntry> chain = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            AuditEntry entry = sealed(seq, "dana", previous);
            chain.add(entry);
            previous = entry.hash();
        }
        return chain;
    }

    static AuditEntry withActor(AuditEntry entry, String actor) {
        return new AuditEntry(entry.seq(), entry.id(), entry.occurredAt(), actor, entry.action(), entry.postId(),
                entry.version(), entry.details(), entry.prevHash(), entry.hash());
    }

    private static AuditEntry sealed(long seq, String actor, String prevHash) {
        UUID id = UUID.randomUUID();
        UUID postId = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-29T10:00:00Z").plusSeconds(seq);
        var details = JsonNodeFactory.instance.objectNode()
                .put("text", "Entry " + seq + ", with \"quotes\"\nand a line");
        String action = AuditAction.POST_VERSION_SUBMITTED.name();
        return new AuditEntry(seq, id, at, actor, action, postId, 1, details, prevHash,
                AuditHash.of(seq, id, at, actor, action, postId, 1, details, prevHash));
    }
}
