package org.clearpost.sandbox.domain;

/**
 * A media file as the sandbox received it.
 *
 * @param mediaId   X media id, or the Graph photo id
 * @param sha256    lower-case hex SHA-256 of the bytes received; null when Graph was given a {@code url} instead
 * @param sourceUrl Graph only: the {@code url} it was told to fetch the photo from
 * @param altText   X: set by {@code POST /2/media/metadata}; Graph: {@code alt_text_custom}
 */
public record HeldMedia(String mediaId, String contentType, long sizeBytes, String sha256, String sourceUrl,
        String altText) {
}
