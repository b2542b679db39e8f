package org.clearpost.monitoring.theme;

import java.time.Instant;
import java.util.UUID;

/**
 * A theme as {@code GET /themes} lists it.
 *
 * @param label   the first mention's text, cut
 * @param queryId the first tracked query the first mention matched, if any
 * @param size    mentions in the theme
 */
public record ThemeView(UUID id, String label, UUID queryId, int size, Instant firstSeen, Instant lastSeen) {
}
