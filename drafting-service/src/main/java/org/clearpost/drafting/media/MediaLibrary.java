package org.clearpost.drafting.media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/** The media drafters upload, and what posts say about it in their events. */
@ApplicationScoped
public class MediaLibrary {

    private final MediaStore store;
    private final MediaConfig config;
    private final Clock clock;

    public MediaLibrary(MediaStore store, MediaConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The events' view of each media file, in the order asked for.
     *
     * @throws ProblemException 400 naming every id that is not an uploaded media file
     */
    @Transactional
    public List<MediaItem> describe(List<UUID> mediaIds) {
        Map<UUID, Media> found = new HashMap<>();
        if (!mediaIds.isEmpty()) {
            Media.<Media>list("id in ?1", mediaIds).forEach(m -> found.put(m.id, m));
        }
        List<UUID> unknownIds = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < mediaIds.size(); i++) {
            if (!found.containsKey(mediaIds.get(i))) {
                unknownIds.add(mediaIds.get(i));
                violations.add(new Problem.Violation("media[" + i + "]", "media " + mediaIds.get(i)
                        + " has not been uploaded"));
            }
        }
        if (!unknownIds.isEmpty()) {
            throw ProblemException.badRequest("Unknown media: " + unknownIds, violations);
        }
        return mediaIds.stream().map(id -> found.get(id).toItem(config.publicBaseUrl())).toList();
    }

    /**
     * Stores an uploaded file: its type comes from its first bytes, its checksum is computed as it is copied into the
     * store, and only then is it recorded.
     */
    public Media upload(Path file, String originalFilename, String altText, String caption, String uploadedBy) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw ProblemException.badRequest("The uploaded file is empty",
                        List.of(new Problem.Violation("file", "is empty")));
            }
            DetectedType type = detect(file);
            long limit = config.maxBytes(type.kind());
            if (size > limit) {
                throw new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "Media Too Large",
                        "A " + type.kind().name().toLowerCase() + " may be at most " + limit + " bytes; this one is "
                                + size, List.of(new Problem.Violation("file", "is larger than " + limit + " bytes")));
            }
            Media media = new Media();
            media.id = UUID.randomUUID();
            media.storageKey = media.id.toString();
            media.kind = type.kind();
            media.contentType = type.contentType();
            media.sizeBytes = size;
            media.sha256 = storeAndHash(media.storageKey, file);
            if (type.kind() == MediaKind.IMAGE) {
                ImageSize.of(file).ifPresent(s -> {
                    media.width = s.width();
                    media.height = s.height();
                });
            }
            media.originalFilename = originalFilename;
            media.altText = blankToNull(altText);
            media.caption = blankToNull(caption);
            media.uploadedBy = uploadedBy;
            media.uploadedAt = clock.instant();
            media.updatedAt = media.uploadedAt;
            try {
                QuarkusTransaction.requiringNew().run(media::persist);
            } catch (RuntimeException e) {
                store.delete(media.storageKey);
                throw e;
            }
            return media;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store uploaded media", e);
        }
    }

    @Transactional
    public Media find(UUID id) {
        Media media = Media.findById(id);
        if (media == null) {
            throw ProblemException.notFound("Media", id);
        }
        return media;
    }

    /** Sets the alt text and caption; a null leaves that one as it is, a blank clears it. */
    @Transactional
    public Media annotate(UUID id, String altText, String caption) {
        Media media = find(id);
        if (altText != null) {
            media.altText = blankToNull(altText);
        }
        if (caption != null) {
            media.caption = blankToNull(caption);
        }
        media.updatedAt = clock.instant();
        return media;
    }

    /** The stored bytes; the caller closes the stream. */
    public InputStream content(Media media) {
        try {
            return store.open(media.storageKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read media " + media.id, e);
        }
    }

    public String url(Media media) {
        return media.contentUrl(config.publicBaseUrl());
    }

    private static DetectedType detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MagicNumbers.HEAD_LENGTH);
        }
        return MagicNumbers.detect(head).orElseThrow(() -> new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported Media Type", "The file is not a JPEG, PNG, GIF or WebP image, an MP4 or MOV video, "
                        + "or MP3, M4A or WAV audio (decided from its content, not its name)",
                List.of(new Problem.Violation("file", "is not a supported image, video or audio file"))));
    }

    private String storeAndHash(String key, Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            store.put(key, in);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
