package org.clearpost.sandbox.youtube;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;

/**
 * The resumable upload sessions of {@code videos.insert} and the videos they made, in memory. Synchronized: a chunk's
 * append and the completion check must be one step.
 */
@ApplicationScoped
public class YouTubeUploads {

    // YouTube's quota day ends at midnight Pacific time.
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private static final SecureRandom ID_SOURCE = new SecureRandom();

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Video> videos = new ArrayList<>();
    private final PostStore store;
    private final YouTubeSandboxConfig config;
    private final Clock clock = Clock.systemUTC();
    private LocalDate quotaDay;
    private int quotaUsed;
    // Test switch: the next chunk that carries byte number interruptAfter breaks the connection there.
    private Long interruptAfter;

    YouTubeUploads(PostStore store, YouTubeSandboxConfig config) {
        this.store = store;
        this.config = config;
    }

    /** What a video resource holds: snippet and status as sent, and the channel of the token that uploaded it. */
    public record Metadata(String title, String description, String categoryId, String privacyStatus) {
    }

    public record Video(String id, String channelId, Metadata metadata, long sizeBytes, String sha256,
            String contentType, Instant publishedAt) {
    }

    /** An upload session: what it was told to expect, the bytes so far, every chunk's Content-Range, its video. */
    public static final class Session {
        final String uploadId;
        final String fingerprint;
        final String channelId;
        final Metadata metadata;
        final long total;
        final String contentType;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> chunks = new ArrayList<>();
        Video video;

        Session(String uploadId, String fingerprint, Metadata metadata, long total, String contentType) {
            this.uploadId = uploadId;
            this.fingerprint = fingerprint;
            this.channelId = channelOf(fingerprint);
            this.metadata = metadata;
            this.total = total;
            this.contentType = contentType;
        }

        public long received() {
            return bytes.size();
        }

        public long total() {
            return total;
        }

        public Optional<Video> video() {
            return Optional.ofNullable(video);
        }

        public List<String> chunks() {
            return List.copyOf(chunks);
        }

        public Metadata metadata() {
            return metadata;
        }

        public String uploadId() {
            return uploadId;
        }
    }

    /** What one chunk did: the session after it, and whether the armed interruption broke it. */
    public record Chunk(Session session, boolean interrupted, boolean completedNow) {
    }

    /** The channel a token uploads to: one per token, always the same ("UC" + 22 characters, as YouTube's). */
    public static String channelOf(String fingerprint) {
        return "UC" + fingerprint.substring(0, 22);
    }

    /** Spends the insert's quota; false once the day's upload quota is spent (nothing is spent then). */
    public synchronized boolean spendInsertQuota() {
        LocalDate today = LocalDate.now(clock.withZone(QUOTA_ZONE));
        if (!today.equals(quotaDay)) {
            quotaDay = today;
            quotaUsed = 0;
        }
        if (quotaUsed + config.insertCost() > config.uploadDailyQuota()) {
            return false;
        }
        quotaUsed += config.insertCost();
        return true;
    }

    public synchronized Session open(String fingerprint, Metadata metadata, long total, String contentType) {
        String uploadId = "AEnB2U" + UUID.randomUUID().toString().replace("-", "");
        Session session = new Session(uploadId, fingerprint, metadata, total, contentType);
        sessions.put(uploadId, session);
        return session;
    }

    public synchronized Optional<Session> session(String uploadId) {
        return Optional.ofNullable(sessions.get(uploadId));
    }

    /**
     * Appends the bytes of a chunk starting at {@code start} (which the caller checked is what the session has). An
     * armed interruption keeps only the bytes before its point and says the connection must break; the last byte
     * makes the video, held in the post store.
     */
    public synchronized Chunk append(Session session, long start, byte[] chunk, String contentRange) {
        session.chunks.add(contentRange == null ? "(none)" : contentRange);
        int keep = chunk.length;
        boolean interrupted = false;
        if (interruptAfter != null && interruptAfter > start && interruptAfter < start + chunk.length) {
            keep = (int) (interruptAfter - start);
            interruptAfter = null;
            interrupted = true;
        }
        session.bytes.write(chunk, 0, keep);
        boolean completedNow = false;
        if (!interrupted && session.video == null && session.received() == session.total) {
            session.video = complete(session);
            completedNow = true;
        }
        return new Chunk(session, interrupted, completedNow);
    }

    /** Arms the interruption: the next chunk carrying byte {@code afterBytes} keeps what comes before and breaks. */
    public synchronized void interruptAfter(long afterBytes) {
        interruptAfter = afterBytes;
    }

    /** The videos of a channel, newest first. */
    public synchronized List<Video> videosOf(String channelId) {
        return videos.stream().filter(v -> v.channelId().equals(channelId))
                .sorted((a, b) -> b.publishedAt().compareTo(a.publishedAt())).toList();
    }

    private Video complete(Session session) {
        byte[] bytes = session.bytes.toByteArray();
        String sha256 = Tokens.sha256(bytes);
        // YouTube video ids are 11 characters of URL-safe base64.
        byte[] random = new byte[8];
        ID_SOURCE.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Video video = new Video(id, session.channelId, session.metadata, bytes.length,
                sha256, session.contentType, clock.instant());
        videos.add(video);
        HeldMedia media = new HeldMedia(session.uploadId, session.contentType, bytes.length, sha256, null, null);
        store.hold(new HeldPost(Network.YOUTUBE, video.id(), HeldPost.Kind.VIDEO, session.channelId,
                session.metadata.description(), null, null, null, null, null, null, List.of(media),
                "https://www.youtube.com/watch?v=" + video.id(), session.fingerprint, video.publishedAt()));
        return video;
    }
}
