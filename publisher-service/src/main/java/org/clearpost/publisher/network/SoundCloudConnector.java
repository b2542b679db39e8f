package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * SoundCloud with the account's OAuth 2.1 token in SoundCloud's own scheme, {@code Authorization: OAuth <token>}.
 * A post is a track: the target's audio file uploaded by {@code POST /tracks} (multipart {@code track[title]},
 * {@code track[description]}, {@code track[sharing]=public}, {@code track[asset_data]}), answered 201 with the
 * track's {@code id} and {@code permalink_url}. The <b>title is the one drafting cleared for the target</b>, or
 * without one the text's first line (cut at a word to at most {@value #MAX_TITLE} characters with "…") and the
 * <b>description is the whole text</b>, so nothing cleared is left out. A post without an audio file fails: "SoundCloud
 * publishes audio tracks". A thread part or first comment answering the track becomes a comment on it
 * ({@code GET /tracks/{id}} first, then {@code POST /tracks/{id}/comments} with {@code comment[body]}); a part
 * answering anything but a track (a third thread part, a reply to a mention) fails saying SoundCloud comments only
 * on tracks. Shares fail: SoundCloud has no share of another account's post here.
 *
 * <p><b>Reconciliation: {@link Reconciliation#LOOKUP}.</b> SoundCloud takes no idempotency key, so after an
 * unknown outcome the account's tracks ({@code GET /me/tracks}) are searched for this step's exact title,
 * description and file size ({@code original_content_size}); a comment is looked for among the track's comments
 * ({@code GET /tracks/{id}/comments}) by its text. Found: published; not found: certainly not there, uploaded again.
 */
@ApplicationScoped
public class SoundCloudConnector implements NetworkConnector {

    /** Longest title SoundCloud takes. */
    static final int MAX_TITLE = 100;

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;

    public SoundCloudConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.soundcloud().baseUrl();
    }

    /**
     * What SoundCloud shows of a post: the title drafting cleared for the target, or when it has none the text's first
     * line; the cleared text as description.
     */
    record Track(String title, String description) {

        static Track of(PublishStep.Post post) {
            return post.title() != null && !post.title().isBlank() ? new Track(post.title().strip(), post.text())
                    : of(post.text());
        }

        static Track of(String text) {
            String firstLine = text.strip().lines().findFirst().orElse("").strip();
            String title = firstLine;
            if (title.length() > MAX_TITLE) {
                int cut = title.lastIndexOf(' ', MAX_TITLE - 1);
                title = title.substring(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1).strip() + "…";
            }
            return new Track(title, text);
        }
    }

    @Override
    public Network network() {
        return Network.SOUNDCLOUD;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.LOOKUP;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            PublishStep step = request.step();
            if (step instanceof PublishStep.Post post) {
                return upload(request, post, audio(post.media()));
            }
            if (step instanceof PublishStep.Reply reply) {
                return comment(request, reply, trackUrl(request, reply));
            }
            return shareRefused();
        } catch (CallFailed e) {
            return e.result();
        }
    }

    @Override
    public PublishResult reconcile(PublishRequest request) {
        try {
            PublishStep step = request.step();
            if (step instanceof PublishStep.Post post) {
                MediaItem audio = audio(post.media());
                Track track = Track.of(post);
                for (JsonNode held : lookUp(request, "/me/tracks?limit=50&linked_partitioning=true")
                        .path("collection")) {
                    if (track.title().equals(held.path("title").asText(null))
                            && track.description().equals(held.path("description").asText(null))
                            && held.path("original_content_size").asLong(-1) == audio.sizeBytes()) {
                        return published(held);
                    }
                }
                return new PublishResult.Retry("SoundCloud holds no track titled \"" + track.title() + "\" of "
                        + audio.sizeBytes() + " bytes: the upload did not happen", null);
            }
            if (step instanceof PublishStep.Reply reply) {
                URI trackUrl = trackUrl(request, reply);
                for (JsonNode comment : lookUp(request, "/tracks/" + encode(reply.parentId()) + "/comments")) {
                    if (reply.text().equals(comment.path("body").asText(null))) {
                        return new PublishResult.Published(comment.path("id").asText(), trackUrl, null);
                    }
                }
                return new PublishResult.Retry("SoundCloud holds no such comment on track " + reply.parentId()
                        + ": it was not made", null);
            }
            return shareRefused();
        } catch (CallFailed e) {
            return e.result();
        }
    }

    private PublishResult upload(PublishRequest request, PublishStep.Post post, MediaItem audio) throws CallFailed {
        Track track = Track.of(post);
        byte[] bytes = media.fetch(audio);
        Multipart form = new Multipart()
                .field("track[title]", track.title())
                .field("track[description]", track.description())
                .field("track[sharing]", "public")
                .file("track[asset_data]", audio.mediaId() + extension(audio.contentType()), audio.contentType(),
                        bytes);
        HttpRequest.Builder call = authorized(request, "/tracks").header("Content-Type", form.contentType())
                .POST(form.publisher());
        return http.send("SoundCloud", call, response -> response.statusCode() / 100 == 2
                ? published(http.json(response.body()))
                : refusal(response, request.account(), "the track"));
    }

    private PublishResult comment(PublishRequest request, PublishStep.Reply reply, URI trackUrl) {
        if (!reply.media().isEmpty()) {
            return new PublishResult.Failed("SoundCloud comments carry text only; this one has "
                    + reply.media().size() + " media file(s)", null);
        }
        HttpRequest.Builder call = authorized(request, "/tracks/" + encode(reply.parentId()) + "/comments")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("comment[body]=" + encode(reply.text())));
        return http.send("SoundCloud", call, response -> {
            if (response.statusCode() / 100 != 2) {
                return refusal(response, request.account(), "the comment");
            }
            String id = http.json(response.body()).path("id").asText("");
            return id.isEmpty() ? new PublishResult.Unknown(PublishResult.outcomeUnknown(
                    "SoundCloud answered " + response.statusCode() + " without a comment id"), null)
                    : new PublishResult.Published(id, trackUrl, null);
        });
    }

    /** The URL of the track a comment goes on (comments have none of their own); not a track: fails. */
    private URI trackUrl(PublishRequest request, PublishStep.Reply reply) throws CallFailed {
        HttpResponse<String> answer = http.exchangeBeforePosting("SoundCloud",
                authorized(request, "/tracks/" + encode(reply.parentId())).GET());
        if (answer.statusCode() == 404) {
            throw new CallFailed(new PublishResult.Failed("SoundCloud comments go on tracks, and "
                    + reply.parentId() + " is not a track (404): on SoundCloud only a first comment or the second "
                    + "part of a thread can be published, as a comment on the track", null));
        }
        if (answer.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(answer, request.account(), "the look-up of track " + reply.parentId()));
        }
        String url = http.json(answer.body()).path("permalink_url").asText("");
        if (url.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("SoundCloud answered track " + reply.parentId()
                    + " without a permalink_url", null));
        }
        return URI.create(url);
    }

    /** A read made to find out what became of a call: failing, it leaves the outcome unknown. */
    private JsonNode lookUp(PublishRequest request, String pathAndQuery) throws CallFailed {
        HttpResponse<String> answer;
        try {
            answer = http.exchange("SoundCloud", authorized(request, pathAndQuery).GET());
        } catch (CallFailed e) {
            throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown(
                    "the look-up on SoundCloud did not work out"), null));
        }
        if (answer.statusCode() == 401) {
            throw new CallFailed(refusal(answer, request.account(), "the look-up"));
        }
        if (answer.statusCode() / 100 != 2) {
            throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown("SoundCloud answered "
                    + answer.statusCode() + " to the look-up " + pathAndQuery), null));
        }
        return http.json(answer.body());
    }

    private static MediaItem audio(List<MediaItem> items) throws CallFailed {
        Optional<MediaItem> audio = items.stream().filter(m -> m.kind() == MediaKind.AUDIO).findFirst();
        if (audio.isEmpty()) {
            throw new CallFailed(new PublishResult.Failed("SoundCloud publishes audio tracks: this post has no audio "
                    + "file" + (items.isEmpty() ? "" : " (it has " + items.stream().map(m -> m.kind().name())
                    .toList() + ")"), null));
        }
        return audio.get();
    }

    private static PublishResult shareRefused() {
        return new PublishResult.Failed("SoundCloud has no share of another target's post: publish the track "
                + "from this account instead", null);
    }

    private PublishResult published(JsonNode track) {
        String id = track.path("id").asText("");
        String url = track.path("permalink_url").asText("");
        if (id.isEmpty() || url.isEmpty()) {
            return new PublishResult.Unknown(PublishResult.outcomeUnknown(
                    "SoundCloud answered the upload without a track id or permalink_url"), null);
        }
        return new PublishResult.Published(id, URI.create(url), null);
    }

    private HttpRequest.Builder authorized(PublishRequest request, String path) {
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, path))
                .header("Authorization", "OAuth " + request.token().value());
    }

    /** 401: connect again; 429 and 5xx: later; other 4xx: refused, with SoundCloud's errors[].error_message. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        String message = NetworkHttp.message(body.path("errors").path(0).path("error_message").asText(
                body.path("message").asText(null)), response.body());
        if (status == 429 || status >= 500) {
            return new PublishResult.Retry("SoundCloud answered " + status + ": " + message, null);
        }
        if (status == 401) {
            return new PublishResult.NeedsReconnect("SoundCloud did not accept the access token of account "
                    + account + " (" + message + "): an admin must connect it again", null);
        }
        return new PublishResult.Failed("SoundCloud refused " + what + " (" + status + "): " + message, null);
    }

    private static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType.toLowerCase()) {
            case "audio/wav", "audio/x-wav", "audio/wave" -> ".wav";
            case "audio/flac" -> ".flac";
            case "audio/ogg" -> ".ogg";
            case "audio/aac", "audio/mp4" -> ".m4a";
            default -> ".mp3";
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
