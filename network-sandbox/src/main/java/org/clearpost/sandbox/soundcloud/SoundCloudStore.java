package org.clearpost.sandbox.soundcloud;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * SoundCloud's tracks and comments. Each is held in {@link PostStore} too (so the inspection API lists it and a
 * reset forgets it); this keeps what SoundCloud says of a track beyond the post: title, description, sharing, the
 * file's size and format. A track or comment no longer in the post store (reset, deleted) is gone here as well.
 */
@ApplicationScoped
public class SoundCloudStore {

    /** SoundCloud's own date format in API answers: {@code 2026/12/02 13:50:00 +0000}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss xx")
            .withZone(ZoneOffset.UTC);

    /** A track as uploaded. */
    record Track(String id, String fingerprint, String title, String description, String sharing, String format,
            HeldMedia file) {
    }

    /** A comment on a track. */
    record Comment(String id, String fingerprint, String trackId, String body) {
    }

    private final Map<String, Track> tracks = new HashMap<>();
    private final Map<String, Comment> comments = new HashMap<>();
    private final PostStore posts;
    private final Clock clock = Clock.systemUTC();

    SoundCloudStore(PostStore posts) {
        this.posts = posts;
    }

    synchronized Map<String, Object> addTrack(String fingerprint, String title, String description, String sharing,
            String filename, String contentType, byte[] bytes) {
        String id = Ids.next();
        HeldMedia file = new HeldMedia(id, contentType, bytes.length, Tokens.sha256(bytes), null, null);
        Track track = new Track(id, fingerprint, title, description, sharing, format(filename, contentType), file);
        tracks.put(id, track);
        posts.hold(new HeldPost(Network.SOUNDCLOUD, id, Kind.TRACK, username(fingerprint), title, null, null, null,
                null, null, null, List.of(file), permalinkUrl(track), fingerprint, clock.instant()));
        return trackJson(track);
    }

    synchronized Optional<Map<String, Object>> track(String id) {
        return tracks.containsKey(id) ? held(id).map(p -> trackJson(tracks.get(id))) : Optional.empty();
    }

    /** The token's tracks, newest first. */
    synchronized List<Map<String, Object>> tracksOf(String fingerprint) {
        List<Map<String, Object>> found = new ArrayList<>();
        tracks.values().stream().filter(t -> t.fingerprint().equals(fingerprint) && held(t.id()).isPresent())
                .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id())))
                .forEach(t -> found.add(trackJson(t)));
        return found;
    }

    /** A comment on a held track; empty when there is no such track. */
    synchronized Optional<Map<String, Object>> addComment(String fingerprint, String trackId, String body) {
        if (!tracks.containsKey(trackId) || held(trackId).isEmpty()) {
            return Optional.empty();
        }
        String id = Ids.next();
        Comment comment = new Comment(id, fingerprint, trackId, body);
        comments.put(id, comment);
        posts.hold(new HeldPost(Network.SOUNDCLOUD, id, Kind.COMMENT, username(fingerprint), body, null, null,
                trackId, null, null, null, List.of(), permalinkUrl(tracks.get(trackId)) + "/comments/" + id,
                fingerprint, clock.instant()));
        return Optional.of(commentJson(comment));
    }

    /** A held track's comments, oldest first; empty when there is no such track. */
    synchronized Optional<List<Map<String, Object>>> commentsOf(String trackId) {
        if (!tracks.containsKey(trackId) || held(trackId).isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> found = new ArrayList<>(comments.values().stream()
                .filter(c -> c.trackId().equals(trackId) && held(c.id()).isPresent())
                .sorted((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())))
                .map(this::commentJson).toList());
        return Optional.of(Collections.unmodifiableList(found));
    }

    static Map<String, Object> user(String fingerprint) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("kind", "user");
        user.put("id", userId(fingerprint));
        user.put("urn", "soundcloud:users:" + userId(fingerprint));
        user.put("username", username(fingerprint));
        user.put("permalink", username(fingerprint));
        user.put("permalink_url", "https://soundcloud.com/" + username(fingerprint));
        return user;
    }

    private Optional<HeldPost> held(String id) {
        return posts.get(id).filter(p -> p.network() == Network.SOUNDCLOUD);
    }

    private Map<String, Object> trackJson(Track track) {
        HeldPost post = posts.get(track.id()).orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "track");
        json.put("id", Long.parseLong(track.id()));
        json.put("urn", "soundcloud:tracks:" + track.id());
        json.put("created_at", DATE.format(post.receivedAt()));
        json.put("title", track.title());
        json.put("description", track.description());
        json.put("sharing", track.sharing());
        json.put("state", "finished");
        json.put("permalink", permalink(track));
        json.put("permalink_url", permalinkUrl(track));
        json.put("original_format", track.format());
        json.put("original_content_size", track.file().sizeBytes());
        json.put("user_id", userId(track.fingerprint()));
        json.put("user", user(track.fingerprint()));
        return json;
    }

    private Map<String, Object> commentJson(Comment comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "comment");
        json.put("id", Long.parseLong(comment.id()));
        json.put("urn", "soundcloud:comments:" + comment.id());
        json.put("created_at", DATE.format(posts.get(comment.id()).map(HeldPost::receivedAt)
                .orElse(clock.instant())));
        json.put("body", comment.body());
        json.put("timestamp", null);
        json.put("track_id", Long.parseLong(comment.trackId()));
        json.put("user_id", userId(comment.fingerprint()));
        json.put("user", user(comment.fingerprint()));
        return json;
    }

    private static long userId(String fingerprint) {
        return Long.parseLong(fingerprint.substring(0, 12), 16);
    }

    private static String username(String fingerprint) {
        return "sandbox-" + fingerprint.substring(0, 8);
    }

    /** A slug of the title, made unique by the id's last digits (SoundCloud appends a number to repeats). */
    private static String permalink(Track track) {
        String slug = track.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60) : slug;
        return (slug.isEmpty() ? "track" : slug) + "-" + track.id().substring(track.id().length() - 6);
    }

    private static String permalinkUrl(Track track) {
        return "https://soundcloud.com/" + username(track.fingerprint()) + "/" + permalink(track);
    }

    private static String format(String filename, String contentType) {
        if (filename != null && filename.lastIndexOf('.') > 0) {
            return filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        }
        return contentType == null ? "raw" : contentType.substring(contentType.indexOf('/') + 1);
    }
}
