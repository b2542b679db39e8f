package org.clearpost.sandbox.mastodon;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clearpost.sandbox.domain.Ids;

/**
 * The statuses and media the instance's publishing API made, in memory, and the {@code Idempotency-Key}s it
 * remembers: per token (the sandbox's stand-in for Mastodon's per-account key) for {@code idempotencyWindow}, after
 * which the same key makes a new status, as on a real instance.
 */
@ApplicationScoped
public class MastodonStatuses {

    /** An upload of {@code POST /api/v2/media}; {@code statusId} once a status carries it. */
    public record Media(String id, String fingerprint, String type, String contentType, long size, String sha256,
            String description, Instant readyAt, String statusId) {

        boolean ready(Instant now) {
            return !now.isBefore(readyAt);
        }
    }

    /** A status as {@code POST /api/v1/statuses} made it. */
    public record Status(String id, String fingerprint, String text, String inReplyToId, String visibility,
            String language, List<Media> media, Instant createdAt) {
    }

    private record Remembered(String statusId, Instant until) {
    }

    private final Map<String, Media> media = new HashMap<>();
    private final Map<String, Status> statuses = new HashMap<>();
    private final Map<String, Remembered> keys = new HashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final MastodonSandboxConfig config;

    MastodonStatuses(MastodonSandboxConfig config) {
        this.config = config;
    }

    public Instant now() {
        return clock.instant();
    }

    public synchronized Media addMedia(String fingerprint, String type, String contentType, long size, String sha256,
            String description, Instant readyAt) {
        Media m = new Media(Ids.next(), fingerprint, type, contentType, size, sha256, description, readyAt, null);
        media.put(m.id(), m);
        return m;
    }

    /** The upload {@code id} if this token made it. */
    public synchronized Optional<Media> media(String fingerprint, String id) {
        return Optional.ofNullable(media.get(id)).filter(m -> m.fingerprint().equals(fingerprint));
    }

    public synchronized Optional<Status> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    /** The status this token made under {@code key} within the window, if any. */
    public synchronized Optional<Status> remembered(String fingerprint, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Remembered r = keys.get(fingerprint + '\0' + key);
        return r == null || now().isAfter(r.until()) ? Optional.empty() : Optional.ofNullable(statuses.get(r.statusId()));
    }

    /**
     * Makes a status unless the key already names one: the check and the insert are one step, so two calls with the
     * same key at once still make one status. {@code make} answers the new status (its media are marked attached).
     */
    public synchronized Status postOnce(String fingerprint, String key, Supplier<Status> make) {
        Optional<Status> earlier = remembered(fingerprint, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Status status = make.get();
        statuses.put(status.id(), status);
        status.media().forEach(m -> media.put(m.id(), new Media(m.id(), m.fingerprint(), m.type(), m.contentType(),
                m.size(), m.sha256(), m.description(), m.readyAt(), status.id())));
        if (key != null) {
            keys.put(fingerprint + '\0' + key, new Remembered(status.id(), now().plus(config.idempotencyWindow())));
        }
        return status;
    }
}
