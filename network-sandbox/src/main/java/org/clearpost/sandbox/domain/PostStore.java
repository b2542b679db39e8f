package org.clearpost.sandbox.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.HeldPost.Kind;

/**
 * What the sandbox holds, in memory: posts, uploaded X media, and the X users tokens act for. Methods are
 * synchronized: the check for a duplicate and the insert must be one step, and the volume is a test suite's, not
 * production's.
 */
@ApplicationScoped
public class PostStore {

    private final Map<String, HeldPost> posts = new LinkedHashMap<>();
    // fingerprint + NUL + text: X refuses the same text twice from one account.
    private final Set<String> tweetTexts = new HashSet<>();
    // fingerprint + NUL + post id: reposting the same post again changes nothing on X.
    private final Map<String, HeldPost> retweets = new LinkedHashMap<>();
    // X media uploaded and not yet attached, by media id; only the uploading token may attach it.
    private final Map<String, UploadedMedia> xMedia = new HashMap<>();
    private final Map<String, XUser> xUsers = new HashMap<>();
    // Graph photos uploaded with published=false, by photo id, waiting to be attached to a feed post.
    private final Map<String, UploadedMedia> unpublishedPhotos = new HashMap<>();
    // The Page each Graph token last posted to: a comment carries no Page id, the token stands for the Page.
    private final Map<String, String> pageOfToken = new HashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;

    private record UploadedMedia(String fingerprint, HeldMedia media) {
    }

    PostStore(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The X user a token acts for: one registered for it, else one made up from its fingerprint, always the same. */
    public synchronized XUser xUser(String fingerprint) {
        return xUsers.getOrDefault(fingerprint, new XUser(userId(fingerprint), "Sandbox user",
                "user_" + fingerprint.substring(0, 8)));
    }

    /** Makes the token act for the X user {@code username}, as connecting that account with it would. */
    public synchronized XUser registerXUser(String fingerprint, String username) {
        XUser user = new XUser(userId(fingerprint), username, username);
        xUsers.put(fingerprint, user);
        return user;
    }

    public synchronized HeldMedia uploadXMedia(String fingerprint, String contentType, byte[] bytes) {
        HeldMedia media = new HeldMedia(Ids.next(), contentType, bytes.length, Tokens.sha256(bytes), null, null);
        xMedia.put(media.mediaId(), new UploadedMedia(fingerprint, media));
        return media;
    }

    /**
     * Makes media uploaded in chunks ({@code /2/media/upload/initialize}...) attachable once X has processed it: from
     * then on it is the token's media like a one-shot upload.
     */
    public synchronized HeldMedia addXMedia(String fingerprint, HeldMedia media) {
        xMedia.put(media.mediaId(), new UploadedMedia(fingerprint, media));
        return media;
    }

    /** Sets the alt text of media this token uploaded; empty when it uploaded no media with that id. */
    public synchronized Optional<HeldMedia> describeXMedia(String fingerprint, String mediaId, String altText) {
        UploadedMedia uploaded = xMedia.get(mediaId);
        if (uploaded == null || !uploaded.fingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        HeldMedia m = uploaded.media();
        HeldMedia described = new HeldMedia(m.mediaId(), m.contentType(), m.sizeBytes(), m.sha256(), null, altText);
        xMedia.put(mediaId, new UploadedMedia(fingerprint, described));
        return Optional.of(described);
    }

    /** The media this token uploaded under these ids, as they stand now; empty when any id is not one of them. */
    public synchronized Optional<List<HeldMedia>> xMedia(String fingerprint, List<String> mediaIds) {
        return uploadedBy(xMedia, fingerprint, mediaIds);
    }

    /** Holds a new X post, or returns empty when this token already posted exactly this text. */
    public synchronized Optional<HeldPost> addTweet(String fingerprint, String text, String inReplyTo,
            String quoteOf, List<HeldMedia> media) {
        if (!tweetTexts.add(fingerprint + '\0' + text)) {
            return Optional.empty();
        }
        Kind kind = inReplyTo != null ? Kind.REPLY : quoteOf != null ? Kind.QUOTE
                : media.stream().anyMatch(m -> m.contentType() != null && m.contentType().startsWith("video/"))
                        ? Kind.VIDEO : Kind.POST;
        String username = xUser(fingerprint).username();
        String id = Ids.next();
        return Optional.of(put(new HeldPost(Network.X, id, kind, username, text, null, null, inReplyTo, quoteOf,
                null, quoteOf, media, xUrl(username, id), fingerprint, now())));
    }

    /** Holds a repost once per token and post; a repeat returns the first one. */
    public synchronized HeldPost addRetweet(String fingerprint, String tweetId) {
        String username = xUser(fingerprint).username();
        return retweets.computeIfAbsent(fingerprint + '\0' + tweetId, k -> {
            String id = Ids.next();
            return put(new HeldPost(Network.X, id, Kind.REPOST, username, null, null, null, null, null, tweetId,
                    tweetId, List.of(), xUrl(username, id), fingerprint, now()));
        });
    }

    /**
     * Holds a Page post; Graph has no duplicate check. A {@code link} to a post held here makes it a share of that
     * post.
     */
    public synchronized HeldPost addPagePost(String fingerprint, String pageId, String message, String link) {
        pageOfToken.put(fingerprint, pageId);
        String shared = link == null ? null : posts.values().stream().filter(p -> link.equals(p.url()))
                .map(HeldPost::id).findFirst().orElse(null);
        String id = pageId + "_" + Ids.next();
        return put(new HeldPost(Network.FACEBOOK, id, shared != null ? Kind.SHARE : Kind.POST, pageId, message,
                pageId, link, null, null, null, shared, List.of(), facebookUrl(id), fingerprint, now()));
    }

    /** Keeps a photo uploaded with {@code published=false}; only the same token may attach it to a post. */
    public synchronized void addUnpublishedPhoto(String fingerprint, HeldMedia photo) {
        unpublishedPhotos.put(photo.mediaId(), new UploadedMedia(fingerprint, photo));
    }

    /** The unpublished photos this token uploaded under these ids; empty when any is not one of them. */
    public synchronized Optional<List<HeldMedia>> unpublishedPhotos(String fingerprint, List<String> photoIds) {
        return uploadedBy(unpublishedPhotos, fingerprint, photoIds);
    }

    /** Holds a Page post showing photos uploaded unpublished ({@code attached_media}). */
    public synchronized HeldPost addPagePostWithPhotos(String fingerprint, String pageId, String message,
            List<HeldMedia> photos) {
        pageOfToken.put(fingerprint, pageId);
        photos.forEach(photo -> unpublishedPhotos.remove(photo.mediaId()));
        String id = pageId + "_" + Ids.next();
        return put(new HeldPost(Network.FACEBOOK, id, Kind.POST, pageId, message, pageId, null, null, null, null,
                null, photos, facebookUrl(id), fingerprint, now()));
    }

    /** Holds a photo post: its id is the Page post's; the photo's own id is its media id. */
    public synchronized HeldPost addPhoto(String fingerprint, String pageId, String message, HeldMedia photo) {
        pageOfToken.put(fingerprint, pageId);
        String id = pageId + "_" + Ids.next();
        return put(new HeldPost(Network.FACEBOOK, id, Kind.PHOTO, pageId, message, pageId, null, null, null, null,
                null, List.of(photo), facebookUrl(id), fingerprint, now()));
    }

    /** Holds a comment on a post or on another comment (a reply), held here or not. */
    public synchronized HeldPost addComment(String fingerprint, String objectId, String message) {
        HeldPost on = posts.get(objectId);
        // Graph comment ids are <post-id>_<comment-id>, a reply's too: the post part comes from what it is on.
        String postPart = on != null && on.kind() == Kind.COMMENT ? objectId.substring(0, objectId.indexOf('_'))
                : objectId.substring(objectId.lastIndexOf('_') + 1);
        String id = postPart + "_" + Ids.next();
        return put(new HeldPost(Network.FACEBOOK, id, Kind.COMMENT, pageOfToken.get(fingerprint), message, null, null,
                objectId, null, null, null, List.of(), facebookUrl(id), fingerprint, now()));
    }

    /** Oldest first. */
    public synchronized List<HeldPost> list(Optional<Network> network) {
        return posts.values().stream().filter(p -> network.map(n -> p.network() == n).orElse(true)).toList();
    }

    public synchronized Optional<HeldPost> get(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /**
     * Makes a held post as old as if it had been published at {@code publishedAt}, so its engagement (which grows
     * with age) and X's 30-day limit on non-public metrics can be tried without waiting; empty if no such post.
     */
    public synchronized Optional<HeldPost> backdate(String id, Instant publishedAt) {
        HeldPost p = posts.get(id);
        if (p == null) {
            return Optional.empty();
        }
        HeldPost older = new HeldPost(p.network(), p.id(), p.kind(), p.account(), p.text(), p.pageId(), p.link(),
                p.inReplyTo(), p.quoteOf(), p.retweetOf(), p.repostOf(), p.media(), p.url(), p.tokenFingerprint(),
                publishedAt);
        posts.put(id, older);
        return Optional.of(older);
    }

    /** Deletes a held post, as its author deleting it on the network would; false if there was none. */
    public synchronized boolean delete(String id) {
        return posts.remove(id) != null;
    }

    /** Forgets posts, uploads and duplicate memory; registered X users stay, as accounts do. */
    public synchronized void reset() {
        posts.clear();
        tweetTexts.clear();
        retweets.clear();
        xMedia.clear();
        unpublishedPhotos.clear();
        pageOfToken.clear();
    }

    /**
     * Keeps a post a network's resource made after its own checks (the networks that keep their own state in their
     * package: LinkedIn, YouTube, Flickr, SoundCloud, Bluesky, Mastodon, Threads), so that the inspection API lists
     * it with the rest and a test can count what a network holds.
     */
    public synchronized HeldPost hold(HeldPost post) {
        return put(post);
    }

    private HeldPost put(HeldPost post) {
        posts.put(post.id(), post);
        meters.counter("sandbox.posts.held", "network", post.network().key()).increment();
        return post;
    }

    /** The uploads under these ids, when this token made every one of them; else empty. */
    private static Optional<List<HeldMedia>> uploadedBy(Map<String, UploadedMedia> uploads, String fingerprint,
            List<String> ids) {
        List<HeldMedia> found = new ArrayList<>();
        for (String id : ids) {
            UploadedMedia uploaded = uploads.get(id);
            if (uploaded == null || !uploaded.fingerprint().equals(fingerprint)) {
                return Optional.empty();
            }
            found.add(uploaded.media());
        }
        return Optional.of(found);
    }

    private static String userId(String fingerprint) {
        // X user ids are decimal numbers; a fixed one per token keeps /2/users/me and the retweets path consistent.
        return Long.toString(Long.parseLong(fingerprint.substring(0, 15), 16));
    }

    private static String xUrl(String username, String id) {
        return "https://x.com/" + username + "/status/" + id;
    }

    private static String facebookUrl(String id) {
        return "https://www.facebook.com/" + id;
    }

    private Instant now() {
        return clock.instant();
    }
}
