package org.clearpost.monitoring.inbox;

import java.time.Instant;
import java.util.UUID;

/** A monitor's note on a mention, for colleagues; never shown to the mention's author. */
public record MentionNote(UUID id, UUID mentionId, String author, String text, Instant at) {
}
