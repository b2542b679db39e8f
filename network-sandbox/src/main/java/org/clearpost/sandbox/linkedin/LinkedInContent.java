package org.clearpost.sandbox.linkedin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.HeldPost.Kind;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;

/**
 * The sandbox's LinkedIn content: images uploaded through the Images API, and posts and comments, which are held in
 * {@link PostStore} (so {@code /sandbox/posts?network=linkedin} lists them and a reset forgets them). The duplicate
 * check, the daily cap and the insert are one synchronized step.
 *
 * <p>A post's {@link HeldPost#text()} is what readers see (escapes removed, cut at the first unescaped reserved
 * character); its {@link HeldPost#account()} is the author URN, its id the {@code urn:li:share:} URN. A comment's
 * {@link HeldPost#inReplyTo()} is the post URN it is on and its {@link HeldPost#quoteOf()} the parent comment, if any.
 */
@ApplicationScoped
public class LinkedInContent {

    private final PostStore store;
    private final int postsPerDay;
    private final Clock clock = Clock.systemUTC();
    // Image URN -> the upload; bytes arrive by PUT to the upload URL, only then may a post use it.
    private final Map<String, Upload> images = new HashMap<>();

    private record Upload(String fingerprint, String owner, HeldMedia media) {
    }

    /** What a create call did. */
    public sealed interface Outcome {
    }

    public record Created(HeldPost item) implements Outcome {
    }

    /** The author already has a post with this text (LinkedIn's {@code DUPLICATE_POST}). */
    public record Duplicate(String existingUrn) implements Outcome {
    }

    /** The author has reached the day's cap. */
    public record Capped(int cap) implements Outcome {
    }

    LinkedInContent(PostStore store, LinkedInSandboxConfig config) {
        this.store = store;
        this.postsPerDay = config.postsPerDay();
    }

    public synchronized String initializeUpload(String fingerprint, String owner) {
        String urn = "urn:li:image:" + Ids.next();
        images.put(urn, new Upload(fingerprint, owner, null));
        return urn;
    }

    /** Takes the bytes of an initialized upload; false when no such upload was initialized by this token. */
    public synchronized boolean upload(String imageUrn, String fingerprint, String contentType, byte[] bytes) {
        Upload upload = images.get(imageUrn);
        if (upload == null || !upload.fingerprint().equals(fingerprint)) {
            return false;
        }
        images.put(imageUrn, new Upload(fingerprint, upload.owner(), new HeldMedia(imageUrn, contentType,
                bytes.length, Tokens.sha256(bytes), null, null)));
        return true;
    }

    /** An image this token uploaded (bytes received), with the alt text a post gives it; empty if none. */
    public synchronized Optional<HeldMedia> image(String fingerprint, String imageUrn, String altText) {
        Upload upload = images.get(imageUrn);
        if (upload == null || upload.media() == null || !upload.fingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        HeldMedia m = upload.media();
        return Optional.of(new HeldMedia(m.mediaId(), m.contentType(), m.sizeBytes(), m.sha256(), null, altText));
    }

    /**
     * A post by {@code author}; a reshare of the post {@code reshareOf} when given (empty if that post is not held).
     * LinkedIn refuses an author's own post whose text it already has; reshares are not checked here.
     */
    public synchronized Optional<Outcome> createPost(String fingerprint, String author, String commentary,
            List<HeldMedia> media, String reshareOf) {
        if (reshareOf != null && get(reshareOf).isEmpty()) {
            return Optional.empty();
        }
        String shown = LittleText.shown(commentary);
        Optional<HeldPost> same = reshareOf != null ? Optional.empty() : byAuthor(author).stream()
                .filter(p -> p.kind() == Kind.POST && shown.equals(p.text())).findFirst();
        if (same.isPresent()) {
            return Optional.of(new Duplicate(same.get().id()));
        }
        if (createdToday(author) >= postsPerDay) {
            return Optional.of(new Capped(postsPerDay));
        }
        String urn = "urn:li:share:" + Ids.next();
        return Optional.of(new Created(store.hold(new HeldPost(Network.LINKEDIN, urn,
                reshareOf != null ? Kind.SHARE : Kind.POST, author, shown, null, null, null, null, null, reshareOf,
                media, "https://www.linkedin.com/feed/update/" + urn + "/", fingerprint, clock.instant()))));
    }

    /**
     * A comment by {@code actor} on the post {@code object}, as a reply to the comment {@code parentComment} when
     * given; empty when the post (or parent comment) is not held here.
     */
    public synchronized Optional<Outcome> createComment(String fingerprint, String actor, String object,
            String parentComment, String text) {
        if (store.get(object).isEmpty() || parentComment != null && store.get(parentComment).isEmpty()) {
            return Optional.empty();
        }
        if (createdToday(actor) >= postsPerDay) {
            return Optional.of(new Capped(postsPerDay));
        }
        String urn = "urn:li:comment:(" + object + "," + Ids.next() + ")";
        String url = "https://www.linkedin.com/feed/update/" + object + "?commentUrn="
                + java.net.URLEncoder.encode(urn, java.nio.charset.StandardCharsets.UTF_8);
        return Optional.of(new Created(store.hold(new HeldPost(Network.LINKEDIN, urn, Kind.COMMENT, actor,
                LittleText.shown(text), null, null, object, parentComment, null, null, List.of(), url, fingerprint,
                clock.instant()))));
    }

    /** The author's posts (not comments), newest first. */
    public synchronized List<HeldPost> posts(String author) {
        return byAuthor(author).stream().filter(p -> p.kind() != Kind.COMMENT)
                .sorted(Comparator.comparing(HeldPost::receivedAt).reversed()).toList();
    }

    /**
     * The comments on a post (top-level ones) or on a comment (its replies), oldest first: LinkedIn lists comments in
     * the order they were made.
     */
    public synchronized List<HeldPost> comments(String target) {
        boolean onComment = target.startsWith("urn:li:comment:");
        return store.list(Optional.of(Network.LINKEDIN)).stream()
                .filter(p -> p.kind() == Kind.COMMENT)
                .filter(p -> onComment ? target.equals(p.quoteOf())
                        : target.equals(p.inReplyTo()) && p.quoteOf() == null)
                .toList();
    }

    public synchronized Optional<HeldPost> get(String urn) {
        return store.get(urn).filter(p -> p.network() == Network.LINKEDIN);
    }

    private List<HeldPost> byAuthor(String author) {
        return store.list(Optional.of(Network.LINKEDIN)).stream().filter(p -> author.equals(p.account())).toList();
    }

    /** Posts and comments since midnight UTC, when LinkedIn's daily counters start again. */
    private long createdToday(String author) {
        Instant midnight = LocalDate.now(clock).atStartOfDay(ZoneOffset.UTC).toInstant();
        return byAuthor(author).stream().filter(p -> !p.receivedAt().isBefore(midnight)).count();
    }
}
