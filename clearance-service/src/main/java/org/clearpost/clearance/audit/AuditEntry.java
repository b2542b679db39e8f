package org.clearpost.clearance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit log as stored. {@code action} is kept as text, so entries written by a later release with an
 * action this one does not know still read, verify and export.
 */
public record AuditEntry(long seq, UUID id, Instant occurredAt, String actor, String action, UUID postId,
        Integer version, JsonNode details, String prevHash, String hash) {

    /** The hash this entry's content and predecessor link call for; differs from {@link #hash()} if it was edited. */
    public String expectedHash() {
        return AuditHash.of(seq, id, occurredAt, actor, action, postId, version, details, prevHash);
    }
}
