package org.clearpost.events;

import java.util.UUID;

/**
 * A content-principle check the draft did not pass, shown to the clearer. Warnings never block on their own; checks a
 * body configures as blocking stop submission instead, so they never reach an event.
 *
 * @param targetId the target it concerns, or {@code null} for the post as a whole
 * @param check the check's stable code, e.g. {@code reading-ease}, {@code own-site-link}, {@code alt-text}
 */
public record ContentWarning(UUID targetId, String check, String message) {
}
