package org.clearpost.sandbox.x;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;

/**
 * X's chunked media uploads in progress, by media id: what {@code initialize} announced, the segments appended, and
 * after {@code finalize} the processing state. Processing takes STATUS polls rather than time, so tests need not
 * wait: {@code pending} at finalize, {@code in_progress} at the first STATUS, {@code succeeded} at the second, when
 * the media becomes attachable to a post of the same token ({@link PostStore#addXMedia}).
 */
@ApplicationScoped
public class XVideoUploads {

    /** X takes segments of at most 5 MB (docs.x.com, APPEND). */
    static final int MAX_SEGMENT_BYTES = 5 * 1024 * 1024;
    /** Largest video X takes from a user token (512 MB). */
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private final PostStore store;
    private final Map<String, Upload> uploads = new HashMap<>();

    XVideoUploads(PostStore store) {
        this.store = store;
    }

    /** One upload session. {@code state} is null until finalized. */
    static final class Upload {
        final String id;
        final String fingerprint;
        final String mediaType;
        final long totalBytes;
        final String category;
        final TreeMap<Integer, byte[]> segments = new TreeMap<>();
        String state;
        int polls;

        Upload(String id, String fingerprint, String mediaType, long totalBytes, String category) {
            this.id = id;
            this.fingerprint = fingerprint;
            this.mediaType = mediaType;
            this.totalBytes = totalBytes;
            this.category = category;
        }

        long received() {
            return segments.values().stream().mapToLong(b -> b.length).sum();
        }

        /** Video and GIF categories are processed after finalize; images are ready at once. */
        boolean processed() {
            return category != null && (category.endsWith("video") || category.endsWith("gif"));
        }

        String mediaKey() {
            // X's media key prefixes: 3 image, 7 video, 13 amplify video, 16 animated GIF.
            String prefix = category == null ? "3" : category.equals("amplify_video") ? "13"
                    : category.endsWith("video") ? "7" : category.endsWith("gif") ? "16" : "3";
            return prefix + "_" + id;
        }
    }

    public synchronized Upload initialize(String fingerprint, String mediaType, long totalBytes, String category) {
        Upload upload = new Upload(Ids.next(), fingerprint, mediaType, totalBytes, category);
        uploads.put(upload.id, upload);
        return upload;
    }

    /** This token's upload with this id; empty for another token's or an unknown id, as X cannot tell them apart. */
    public synchronized Optional<Upload> find(String fingerprint, String id) {
        Upload upload = uploads.get(id);
        return upload != null && upload.fingerprint.equals(fingerprint) ? Optional.of(upload) : Optional.empty();
    }

    public synchronized void append(Upload upload, int segmentIndex, byte[] bytes) {
        upload.segments.put(segmentIndex, bytes);
    }

    /** Ends the upload: "pending" for media X processes, else attachable at once (state null then). */
    public synchronized void finalizeUpload(Upload upload) {
        if (upload.processed()) {
            upload.state = "pending";
        } else {
            ready(upload);
        }
    }

    /** One STATUS poll: moves processing on by one state. */
    public synchronized String poll(Upload upload) {
        if ("pending".equals(upload.state) || "in_progress".equals(upload.state)) {
            upload.polls++;
            if (upload.polls == 1) {
                upload.state = "in_progress";
            } else {
                upload.state = "succeeded";
                ready(upload);
            }
        }
        return upload.state;
    }

    private void ready(Upload upload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        upload.segments.values().forEach(bytes::writeBytes);
        byte[] all = bytes.toByteArray();
        store.addXMedia(upload.fingerprint, new HeldMedia(upload.id, upload.mediaType, all.length,
                Tokens.sha256(all), null, null));
    }
}
