package org.clearpost.console.admin;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A Freedom of Information export of one post from clearance ({@code GET /audit/posts/{postId}}), in the format the
 * admin chose, served as a download.
 */
public enum FoiExport {
    JSON("application/json", "json"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    FoiExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** What clearance is asked for ({@code Accept}): it answers the same post as JSON or as CSV. */
    public String mediaType() {
        return mediaType;
    }

    public static FoiExport of(String format) {
        return format != null && format.strip().toLowerCase(Locale.ROOT).equals("csv") ? CSV : JSON;
    }

    /** A post id as the admin typed or pasted it, if it is one (spaces around it forgiven). */
    public static Optional<UUID> postId(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            String id = typed.strip();
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts short forms like 1-2-3-4-5; a post id is always the canonical 36 characters.
            return uuid.toString().equalsIgnoreCase(id) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Always a download, named after the post: {@code foi-post-<id>.json}. */
    public String contentDisposition(UUID postId) {
        return "attachment; filename=\"foi-post-" + postId + "." + extension + "\"";
    }
}
