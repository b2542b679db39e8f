package org.clearpost.events;

import java.util.UUID;

/**
 * One media file attached to a target. The bytes stay in drafting's media store; {@code url} is where the publisher
 * fetches them, and {@code sha256} lets it check it got the bytes that were cleared.
 */
public record MediaItem(UUID mediaId, MediaKind kind, String contentType, long sizeBytes, String sha256,
        String altText, String caption, String url) {
}
