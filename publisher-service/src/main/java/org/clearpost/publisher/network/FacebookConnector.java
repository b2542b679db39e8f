package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;

/**
 * Facebook Page via the Graph API, with the Page access token in a form body (not the query string, where proxies log
 * it): {@code POST /{page-id}/feed} ({@code message}, {@code link} for a share), {@code POST /{page-id}/photos}
 * (multipart {@code source}, {@code message}, {@code alt_text_custom}) for a post with one image (several: each
 * uploaded with {@code published=false}, then one feed post with {@code attached_media}), and
 * {@code POST /{object-id}/comments} for replies, thread parts and first comments, and {@code POST /{page-id}/videos}
 * (multipart {@code source}, {@code description} = the text, {@code title} = the video's caption) for a video, which
 * answers the video id, seen at {@code https://www.facebook.com/{page-id}/videos/{video-id}}. Every answer's
 * {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} headers ({@link MetaUsage}) set when the account may
 * call again.
 *
 * <p>Reconciliation: {@link Reconciliation#LOOKUP}, since Graph has no idempotency key and no duplicate check.
 * {@link #reconcile} looks for this step's exact text where it would show ({@link FacebookLookup}): the Page feed for
 * a post, photo post or share (with the shared link among its attachments), the Page's videos (by description) for a
 * video, the object's comments (from the Page) for a comment. Found is {@code Published} with its id and URL, not
 * found is {@code Retry}, a look-up that fails is {@code Unknown} (asked again later).
 */
@ApplicationScoped
public class FacebookConnector implements NetworkConnector {

    /** Graph error codes that mean "not now": unknown or temporary errors, and the app, user and Page rate limits. */
    private static final Set<Integer> TRY_LATER_CODES = Set.of(1, 2, 4, 17, 32, 613, 80001);
    /** Graph's code for an access token that is invalid, expired or revoked. */
    private static final int INVALID_TOKEN = 190;

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;

    public FacebookConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.facebook().baseUrl();
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.LOOKUP;
    }

    @Override
    public PublishResult reconcile(PublishRequest request) {
        FacebookLookup lookup = new FacebookLookup(http, base, request.token().value());
        String page = encode(request.account());
        PublishStep step = request.step();
        try {
            if (step instanceof PublishStep.Post post && isVideo(post.media())) {
                return found(lookup.find("/" + page + "/videos?fields=id,description,created_time&limit=100",
                        FacebookLookup.text("description", post.text())), request, id -> videoUrl(request, id));
            }
            if (step instanceof PublishStep.Post post) {
                return found(lookup.find("/" + page + "/feed?fields=id,message,created_time&limit=100",
                        FacebookLookup.text("message", post.text())), request, FacebookConnector::postUrl);
            }
            if (step instanceof PublishStep.Reply reply) {
                Predicate<JsonNode> fromPage = c -> c.path("from").path("id").asText(request.account())
                        .equals(request.account());
                return found(lookup.find("/" + encode(reply.parentId()) + "/comments?fields=id,message,from,"
                        + "created_time&order=reverse_chronological&limit=100",
                        FacebookLookup.text("message", reply.text()).and(fromPage)), request,
                        FacebookConnector::postUrl);
            }
            PublishStep.Share share = (PublishStep.Share) step;
            String link = shareLink(share);
            Predicate<JsonNode> linksIt = p -> {
                for (JsonNode attachment : p.path("attachments").path("data")) {
                    if (link.equals(attachment.path("url").asText())) {
                        return true;
                    }
                }
                return false;
            };
            return found(lookup.find("/" + page + "/feed?fields=id,message,created_time,attachments&limit=100",
                    FacebookLookup.text("message", share.text()).and(linksIt)), request, FacebookConnector::postUrl);
        } catch (NetworkHttp.CallFailed e) {
            return e.result();
        }
    }

    private static PublishResult found(Optional<JsonNode> item, PublishRequest request, Function<String, URI> url) {
        if (item.isEmpty()) {
            return new PublishResult.Retry("the Page " + request.account() + " shows nothing with this step's "
                    + "content: it was not published", null);
        }
        String id = item.get().path("id").asText();
        return new PublishResult.Published(id, url.apply(id), null);
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishStep step = request.step();
        if (step instanceof PublishStep.Post post) {
            if (post.media().isEmpty()) {
                return form(request, "/" + encode(request.account()) + "/feed", Map.of("message", post.text()));
            }
            if (isVideo(post.media())) {
                return post.media().size() == 1 ? video(request, post.text(), post.media().get(0))
                        : new PublishResult.Failed("a Facebook Page post takes one video alone; this post has "
                                + describe(post.media()), null);
            }
            if (post.media().stream().anyMatch(m -> m.kind() != MediaKind.IMAGE)) {
                return new PublishResult.Failed("a Facebook Page post takes images or one video; this post has "
                        + describe(post.media()), null);
            }
            return post.media().size() == 1 ? photo(request, post.text(), post.media().get(0))
                    : photos(request, post.text(), post.media());
        }
        if (step instanceof PublishStep.Reply reply) {
            if (!reply.media().isEmpty()) {
                return new PublishResult.Failed("the Facebook connector cannot attach media to a comment yet", null);
            }
            return form(request, "/" + encode(reply.parentId()) + "/comments", Map.of("message", reply.text()));
        }
        PublishStep.Share share = (PublishStep.Share) step;
        Map<String, String> fields = new LinkedHashMap<>();
        if (share.text() != null && !share.text().isBlank()) {
            fields.put("message", share.text());
        }
        fields.put("link", shareLink(share));
        return form(request, "/" + encode(request.account()) + "/feed", fields);
    }

    private PublishResult form(PublishRequest request, String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(name).append('=').append(encode(value)).append('&'));
        form.append("access_token=").append(encode(request.token().value()));
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        return http.send("Facebook", call, response -> read(response, request.account()));
    }

    /** A video post: the upload itself publishes it on the Page, so a lost answer is an unknown outcome. */
    private PublishResult video(PublishRequest request, String text, MediaItem item) {
        byte[] bytes;
        try {
            bytes = media.fetch(item);
        } catch (NetworkHttp.CallFailed e) {
            return e.result();
        }
        Multipart form = new Multipart()
                .file("source", item.mediaId() + ".mp4", item.contentType(), bytes)
                .field("description", text);
        if (item.caption() != null && !item.caption().isBlank()) {
            form.field("title", item.caption());
        }
        form.field("access_token", request.token().value());
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base,
                        "/" + encode(request.account()) + "/videos"))
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        return http.send("Facebook", call, response -> {
            PublishResult result = read(response, request.account());
            return result instanceof PublishResult.Published published
                    ? new PublishResult.Published(published.externalId(), videoUrl(request, published.externalId()),
                            published.accountPausedUntil())
                    : result;
        });
    }

    private static URI videoUrl(PublishRequest request, String videoId) {
        return URI.create("https://www.facebook.com/" + encode(request.account()) + "/videos/" + videoId);
    }

    private static URI postUrl(String id) {
        return URI.create("https://www.facebook.com/" + id);
    }

    private static String shareLink(PublishStep.Share share) {
        return share.postUrl() != null ? share.postUrl() : "https://www.facebook.com/" + share.postId();
    }

    private static boolean isVideo(List<MediaItem> items) {
        return items.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO);
    }

    /** A photo post: Graph publishes the photo with its message as one Page post and answers both ids. */
    private PublishResult photo(PublishRequest request, String text, MediaItem item) {
        byte[] bytes;
        try {
            bytes = media.fetch(item);
        } catch (NetworkHttp.CallFailed e) {
            return e.result();
        }
        Multipart form = photoForm(request, text, item, bytes);
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base,
                        "/" + encode(request.account()) + "/photos"))
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        return http.send("Facebook", call, response -> read(response, request.account()));
    }

    /**
     * Several photos: each uploaded unpublished (nothing shows on the Page, so a lost answer is tried again), then one
     * feed post attaching them all.
     */
    private PublishResult photos(PublishRequest request, String text, List<MediaItem> items) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("message", text);
        try {
            for (int i = 0; i < items.size(); i++) {
                fields.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + unpublishedPhoto(request, items.get(i))
                        + "\"}");
            }
        } catch (NetworkHttp.CallFailed e) {
            return e.result();
        }
        return form(request, "/" + encode(request.account()) + "/feed", fields);
    }

    private String unpublishedPhoto(PublishRequest request, MediaItem item) throws NetworkHttp.CallFailed {
        Multipart form = photoForm(request, null, item, media.fetch(item)).field("published", "false");
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base,
                        "/" + encode(request.account()) + "/photos"))
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        HttpResponse<String> response = http.exchangeBeforePosting("Facebook", call);
        if (response.statusCode() / 100 != 2) {
            throw new NetworkHttp.CallFailed(read(response, request.account()));
        }
        String id = http.json(response.body()).path("id").asText("");
        if (id.isEmpty()) {
            throw new NetworkHttp.CallFailed(new PublishResult.Retry("Facebook answered the upload of media "
                    + item.mediaId() + " without a photo id", null));
        }
        return id;
    }

    private static Multipart photoForm(PublishRequest request, String text, MediaItem item, byte[] bytes) {
        Multipart form = new Multipart()
                .file("source", item.mediaId() + XConnector.extension(item.contentType()), item.contentType(), bytes);
        if (text != null) {
            form.field("message", text);
        }
        if (item.altText() != null && !item.altText().isBlank()) {
            form.field("alt_text_custom", item.altText());
        }
        return form.field("access_token", request.token().value());
    }

    private static String describe(List<MediaItem> items) {
        return items.size() + " media file(s): " + items.stream().map(i -> i.kind().name()).toList();
    }

    private PublishResult read(HttpResponse<String> response, String page) {
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        Instant pausedUntil = MetaUsage.pausedUntil(response.headers(), Instant.now()).orElse(null);
        if (status / 100 == 2) {
            // A photo answers its own id and the id of the Page post showing it: the post is what was published.
            String id = body.path("post_id").asText(body.path("id").asText(""));
            if (id.isEmpty()) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown(
                        "Facebook answered " + status + " without a post id"), pausedUntil);
            }
            return new PublishResult.Published(id, postUrl(id), pausedUntil);
        }
        JsonNode error = body.path("error");
        String message = NetworkHttp.message(error.path("message").asText(null), response.body());
        int code = error.path("code").asInt(0);
        if (status >= 500 || error.path("is_transient").asBoolean(false) || TRY_LATER_CODES.contains(code)) {
            return new PublishResult.Retry("Facebook answered " + status + " (code " + code + "): " + message,
                    pausedUntil);
        }
        if (code == INVALID_TOKEN || status == 401) {
            return new PublishResult.NeedsReconnect("Facebook did not accept the access token of page " + page + " ("
                    + message + "): an admin must connect it again", pausedUntil);
        }
        // Graph's message carries its code as "(#200) ..."; the reason keeps the network's own words.
        return new PublishResult.Failed("Facebook refused the post (" + status + "): " + message, pausedUntil);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
