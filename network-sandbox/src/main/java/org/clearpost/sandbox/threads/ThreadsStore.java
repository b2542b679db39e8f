package org.clearpost.sandbox.threads;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.HeldPost.Kind;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;

/**
 * Threads' containers and what publishing them made. The posts themselves are kept in {@link PostStore} (so the
 * inspection API lists them and {@code DELETE /sandbox/posts} forgets them); this keeps the containers, which posts
 * were made from which container, and each post's media type. Synchronized: a container is published once, however
 * many calls race for it.
 */
@ApplicationScoped
public class ThreadsStore {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);

    /** A Graph-shaped refusal: HTTP status, message, code and subcode. */
    record Refusal(int status, String message, int code, Integer subcode, boolean transientError) {

        static Refusal badParam(String message) {
            return new Refusal(400, message, 100, null, false);
        }

        static Refusal notFound(String id) {
            return new Refusal(400, "Unsupported request. Object with ID '" + id + "' does not exist, cannot be "
                    + "loaded due to missing permissions, or does not support this operation.", 100, 33, false);
        }

        /** What Threads answers to publishing a container it cannot find or that is not ready (code 24, 4279009). */
        static Refusal mediaNotFound(String id) {
            return new Refusal(400, "The requested resource does not exist (Media Not Found: the media with id " + id
                    + " cannot be found)", 24, 4279009, false);
        }
    }

    private final Map<String, ThreadsContainer> containers = new HashMap<>();
    private final Map<String, String> mediaTypes = new HashMap<>();
    private final PostStore posts;
    private final ThreadsSandboxConfig config;
    private final Clock clock = Clock.systemUTC();

    ThreadsStore(PostStore posts, ThreadsSandboxConfig config) {
        this.posts = posts;
        this.config = config;
    }

    /** The user id a token acts for ({@code me}): a fixed decimal number per token, as Threads user ids are. */
    static String userId(String fingerprint) {
        return Long.toString(Long.parseLong(fingerprint.substring(0, 15), 16));
    }

    static String username(String fingerprint) {
        return "sandbox_" + fingerprint.substring(0, 8);
    }

    synchronized ThreadsContainer add(ThreadsContainer container) {
        containers.put(container.id(), container);
        return container;
    }

    synchronized Optional<ThreadsContainer> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    /** {@code IN_PROGRESS}, {@code FINISHED}, {@code ERROR}, {@code EXPIRED} or {@code PUBLISHED}, as of now. */
    synchronized String status(ThreadsContainer container) {
        Instant now = clock.instant();
        if (container.publishedAs() != null) {
            return "PUBLISHED";
        }
        if (container.errorMessage() != null) {
            return "ERROR";
        }
        if (now.isAfter(container.createdAt().plus(config.containerLifetime()))) {
            return "EXPIRED";
        }
        if (!"TEXT".equals(container.mediaType()) && now.isBefore(container.createdAt().plus(config.processing()))) {
            return "IN_PROGRESS";
        }
        return "FINISHED";
    }

    /** A held Threads post (a media object) by id. */
    synchronized Optional<HeldPost> post(String mediaId) {
        return posts.get(mediaId).filter(p -> p.network() == Network.THREADS);
    }

    synchronized String mediaType(String mediaId) {
        return mediaTypes.getOrDefault(mediaId, "TEXT_POST");
    }

    /**
     * {@code threads_publish}: makes the post of a ready container, once. A container already published, not
     * found, not this token's or still processing is refused with Threads' "Media Not Found" (code 24, subcode
     * 4279009): Threads documents no other answer to a second publish, and a container is used up once published.
     */
    synchronized Object publish(String fingerprint, String creationId) {
        ThreadsContainer container = containers.get(creationId);
        if (container == null || !container.fingerprint().equals(fingerprint)) {
            return Refusal.mediaNotFound(creationId);
        }
        if (container.carouselItem()) {
            return Refusal.badParam("The container " + creationId + " is a carousel item: publish the CAROUSEL "
                    + "container that holds it");
        }
        switch (status(container)) {
            case "PUBLISHED", "IN_PROGRESS":
                return Refusal.mediaNotFound(creationId);
            case "EXPIRED":
                return Refusal.badParam("The media container " + creationId + " has expired: it was not published "
                        + "within " + config.containerLifetime().toHours() + " hours");
            case "ERROR":
                return Refusal.badParam("The media container " + creationId + " could not be processed: "
                        + container.errorMessage());
            default:
                break;
        }
        boolean reply = container.replyToId() != null;
        int limit = reply ? config.repliesPerDay() : config.postsPerDay();
        if (publishedInLastDay(fingerprint, reply) >= limit) {
            return new Refusal(400, "You have reached the limit of " + limit + (reply ? " replies" : " posts")
                    + " published in 24 hours", 4, null, true);
        }
        String id = Ids.next();
        String username = username(fingerprint);
        Kind kind = reply ? Kind.REPLY : "VIDEO".equals(container.mediaType()) ? Kind.VIDEO : Kind.POST;
        HeldPost held = posts.hold(new HeldPost(Network.THREADS, id, kind, container.userId(), container.text(), null,
                null, container.replyToId(), container.quotePostId(), null, container.quotePostId(),
                container.media(), permalink(username, id), fingerprint, clock.instant()));
        mediaTypes.put(id, container.mediaType() + ("CAROUSEL".equals(container.mediaType()) ? "_ALBUM" : ""));
        containers.put(creationId, container.published(id));
        return held;
    }

    /** The token's posts ({@code replies}: its replies) made at or after {@code since}, newest first. */
    synchronized List<HeldPost> posts(String fingerprint, boolean replies, Instant since) {
        List<HeldPost> found = new ArrayList<>(posts.list(Optional.of(Network.THREADS)).stream()
                .filter(p -> p.tokenFingerprint().equals(fingerprint))
                .filter(p -> (p.kind() == Kind.REPLY) == replies)
                .filter(p -> since == null || !p.receivedAt().isBefore(since))
                .toList());
        java.util.Collections.reverse(found);
        return found;
    }

    /** A post's fields under Threads' names. */
    synchronized Map<String, Object> fields(HeldPost post) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", post.id());
        fields.put("media_product_type", "THREADS");
        fields.put("media_type", mediaType(post.id()));
        fields.put("permalink", post.url());
        fields.put("username", username(post.tokenFingerprint()));
        fields.put("text", post.text());
        fields.put("timestamp", TIMESTAMP.format(post.receivedAt()));
        fields.put("shortcode", shortcode(post.id()));
        fields.put("is_quote_post", post.quoteOf() != null);
        fields.put("is_reply", post.inReplyTo() != null);
        if (post.inReplyTo() != null) {
            fields.put("replied_to", Map.of("id", post.inReplyTo()));
        }
        if (!post.media().isEmpty() && post.media().get(0).altText() != null) {
            fields.put("alt_text", post.media().get(0).altText());
        }
        return fields;
    }

    private long publishedInLastDay(String fingerprint, boolean replies) {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        return posts.list(Optional.of(Network.THREADS)).stream()
                .filter(p -> p.tokenFingerprint().equals(fingerprint) && (p.kind() == Kind.REPLY) == replies)
                .filter(p -> p.receivedAt().isAfter(since))
                .count();
    }

    Instant now() {
        return clock.instant();
    }

    private static String permalink(String username, String id) {
        return "https://www.threads.net/@" + username + "/post/" + shortcode(id);
    }

    /** A short URL-safe code per media id, as Threads' permalinks carry. */
    private static String shortcode(String id) {
        byte[] bytes = java.math.BigInteger.valueOf(Long.parseLong(id)).toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static List<HeldMedia> mediaOf(List<ThreadsContainer> children) {
        return children.stream().flatMap(c -> c.media().stream()).toList();
    }
}
