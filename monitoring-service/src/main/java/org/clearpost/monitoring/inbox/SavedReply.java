package org.clearpost.monitoring.inbox;

import java.time.Instant;
import java.util.UUID;

/** A reusable answer, with {@link Placeholders}; a reply's text is filled from it when a monitor picks it. */
public record SavedReply(UUID id, String name, String text, String createdBy, Instant createdAt, String changedBy,
        Instant changedAt) {
}
