package org.clearpost.monitoring.theme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One mention of a batch as theme assignment sees it. */
public record ThemeInput(UUID mentionId, String text, List<UUID> matchedQueries, Instant mentionedAt) {
}
