package org.clearpost.drafting.media;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.MediaKind;

/** A media file's metadata as the web front end shows it; {@code url} serves the bytes. */
public record MediaView(UUID id, MediaKind kind, String contentType, long sizeBytes, String sha256, Integer width,
        Integer height, String originalFilename, String altText, String caption, String uploadedBy,
        Instant uploadedAt, Instant updatedAt, String url) {

    static MediaView of(Media media, String url) {
        return new MediaView(media.id, media.kind, media.contentType, media.sizeBytes, media.sha256, media.width,
                media.height, media.originalFilename, media.altText, media.caption, media.uploadedBy,
                media.uploadedAt, media.updatedAt, url);
    }
}
