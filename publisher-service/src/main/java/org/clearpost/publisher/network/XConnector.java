package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;
import org.jboss.logging.Logger;

/**
 * X API v2 with the account's OAuth 2.0 user token: {@code POST /2/tweets} (text, {@code reply}, {@code quote_tweet_id},
 * {@code media.media_ids}); images through {@code POST /2/media/upload} with alt text set by
 * {@code POST /2/media/metadata}; a video through the chunked upload ({@code POST /2/media/upload/initialize},
 * {@code /2/media/upload/{id}/append}, {@code /2/media/upload/{id}/finalize}, then {@code GET
 * /2/media/upload?command=STATUS} until processed: {@link XVideoUpload}); reposts through {@code GET /2/users/me} (the
 * token's user id) and {@code POST /2/users/{id}/retweets}.
 *
 * <p>Reconciliation: {@link Reconciliation#LOOKUP}, since X takes no idempotency key. {@link #reconcile} reads the
 * account's own timeline ({@code GET /2/users/{id}/tweets}, {@link XLookup}) for this step's text (and the post it
 * replies to or quotes, or the post reposted): found is {@code Published} with that id and URL, not found is
 * {@code Retry}, a look-up that fails is {@code Unknown} (asked again later). X refuses the same text twice from one
 * account with 403 "duplicate content": after a try of this step whose outcome was unknown, that answer means the
 * post may well be there, so it is {@code Unknown} (look it up), never {@code Failed}.
 */
@ApplicationScoped
public class XConnector implements NetworkConnector {

    private static final Logger LOG = Logger.getLogger(XConnector.class);

    /** Step memory: when a post call of this step was first sent. */
    static final String POST_SENT = "x.post-sent";

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;

    public XConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.x().baseUrl();
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.LOOKUP;
    }

    @Override
    public PublishResult reconcile(PublishRequest request) {
        PublishStep step = request.step();
        Predicate<JsonNode> which;
        if (step instanceof PublishStep.Post post) {
            which = XLookup.post(post.text(), null, null);
        } else if (step instanceof PublishStep.Reply reply) {
            which = XLookup.post(reply.text(), "replied_to", reply.parentId());
        } else {
            PublishStep.Share share = (PublishStep.Share) step;
            which = share.text() == null ? XLookup.repostOf(share.postId())
                    : XLookup.post(share.text(), "quoted", share.postId());
        }
        try {
            Optional<JsonNode> found = new XLookup(http, path -> authorized(request, path)).find(which);
            if (found.isEmpty()) {
                return new PublishResult.Retry("the recent posts of " + request.account()
                        + " on X hold nothing with this step's content: it was not published", null);
            }
            if (step instanceof PublishStep.Share share && share.text() == null) {
                return new PublishResult.Published(share.postId(), repostUrl(share), null);
            }
            String id = found.get().path("id").asText();
            return new PublishResult.Published(id, postUrl(request.account(), id), null);
        } catch (CallFailed e) {
            return e.result();
        }
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            PublishStep step = request.step();
            if (step instanceof PublishStep.Post post) {
                return tweet(request, post.text(), post.media(), null, null);
            }
            if (step instanceof PublishStep.Reply reply) {
                return tweet(request, reply.text(), reply.media(), reply.parentId(), null);
            }
            PublishStep.Share share = (PublishStep.Share) step;
            return share.text() == null ? repost(request, share)
                    : tweet(request, share.text(), List.of(), null, share.postId());
        } catch (CallFailed e) {
            return e.result();
        }
    }

    private PublishResult tweet(PublishRequest request, String text, List<MediaItem> items, String inReplyTo,
            String quoteOf) throws CallFailed {
        List<String> mediaIds = new ArrayList<>();
        for (MediaItem item : items) {
            mediaIds.add(upload(request, item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (inReplyTo != null) {
            body.put("reply", Map.of("in_reply_to_tweet_id", inReplyTo));
        }
        if (quoteOf != null) {
            body.put("quote_tweet_id", quoteOf);
        }
        if (!mediaIds.isEmpty()) {
            body.put("media", Map.of("media_ids", mediaIds));
        }
        HttpRequest.Builder call = authorized(request, "/2/tweets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(body)));
        boolean triedBefore = triedBefore(request);
        return http.send("X", call, response -> {
            Instant pausedUntil = XRateLimit.pausedUntil(response.headers()).orElse(null);
            if (triedBefore && response.statusCode() == 403 && isDuplicate(response)) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown("X refused the post as duplicate "
                        + "content after an earlier try of this step: it may be that try's post"), pausedUntil);
            }
            if (response.statusCode() / 100 != 2) {
                return refusal(response, request.account(), "the post");
            }
            String id = http.json(response.body()).path("data").path("id").asText("");
            if (id.isEmpty()) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown(
                        "X answered " + response.statusCode() + " without a post id"), pausedUntil);
            }
            return new PublishResult.Published(id, postUrl(request.account(), id), pausedUntil);
        });
    }

    /**
     * Uploads one image (one call) or video (chunked) and sets its alt text; the media id it answers goes on the post.
     * Nothing is public yet.
     */
    private String upload(PublishRequest request, MediaItem item) throws CallFailed {
        if (item.kind() != MediaKind.IMAGE && item.kind() != MediaKind.VIDEO) {
            throw new CallFailed(new PublishResult.Failed("media " + item.mediaId() + " is " + item.kind()
                    + ": X takes images and video", null));
        }
        byte[] bytes = media.fetch(item);
        String mediaId = item.kind() == MediaKind.VIDEO
                ? new XVideoUpload(http, path -> authorized(request, path),
                        (response, what) -> refusal(response, request.account(), what)).upload(item, bytes)
                : uploadImage(request, item, bytes);
        describe(request, item, mediaId);
        return mediaId;
    }

    private String uploadImage(PublishRequest request, MediaItem item, byte[] bytes) throws CallFailed {
        Multipart form = new Multipart()
                .file("media", item.mediaId() + extension(item.contentType()), item.contentType(), bytes)
                .field("media_category", "image/gif".equalsIgnoreCase(item.contentType()) ? "tweet_gif"
                        : "tweet_image");
        HttpResponse<String> uploaded = http.exchangeBeforePosting("X", authorized(request, "/2/media/upload")
                .header("Content-Type", form.contentType()).POST(form.publisher()));
        if (uploaded.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(uploaded, request.account(), "media " + item.mediaId()));
        }
        String mediaId = http.json(uploaded.body()).path("data").path("id").asText("");
        if (mediaId.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("X answered the upload of media " + item.mediaId()
                    + " without a media id", null));
        }
        return mediaId;
    }

    private void describe(PublishRequest request, MediaItem item, String mediaId) throws CallFailed {
        if (item.altText() != null && !item.altText().isBlank()) {
            Map<String, Object> metadata = Map.of("id", mediaId,
                    "metadata", Map.of("alt_text", Map.of("text", item.altText())));
            HttpResponse<String> described = http.exchangeBeforePosting("X",
                    authorized(request, "/2/media/metadata").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(http.json(metadata))));
            if (described.statusCode() / 100 != 2) {
                throw new CallFailed(refusal(described, request.account(), "the alt text of media "
                        + item.mediaId()));
            }
        }
    }

    /** A repost: X forbids the same text from several accounts one controls, so a share is never a new post. */
    private PublishResult repost(PublishRequest request, PublishStep.Share share) throws CallFailed {
        HttpResponse<String> me = http.exchangeBeforePosting("X", authorized(request, "/2/users/me").GET());
        if (me.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(me, request.account(), "the look-up of the account's user id"));
        }
        String userId = http.json(me.body()).path("data").path("id").asText("");
        if (userId.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("X answered GET /2/users/me without a user id", null));
        }
        HttpRequest.Builder call = authorized(request, "/2/users/" + userId + "/retweets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(Map.of("tweet_id", share.postId()))));
        return http.send("X", call, response -> {
            Instant pausedUntil = XRateLimit.pausedUntil(response.headers()).orElse(null);
            if (response.statusCode() / 100 != 2) {
                return refusal(response, request.account(), "the repost");
            }
            if (!http.json(response.body()).path("data").path("retweeted").asBoolean(false)) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown("X answered "
                        + response.statusCode() + " to the repost without \"retweeted\": true"), pausedUntil);
            }
            return new PublishResult.Published(share.postId(), repostUrl(share), pausedUntil);
        });
    }

    private static URI repostUrl(PublishStep.Share share) {
        return share.postUrl() != null ? URI.create(share.postUrl())
                : URI.create("https://x.com/i/web/status/" + share.postId());
    }

    /** X's 403 for a text this account already posted: "You are not allowed to create a Tweet with duplicate content." */
    private boolean isDuplicate(HttpResponse<String> response) {
        JsonNode body = http.json(response.body());
        return (body.path("detail").asText("") + " " + body.path("errors").path(0).path("message").asText(""))
                .toLowerCase(Locale.ROOT).contains("duplicate content");
    }

    /**
     * Whether an earlier try of this step sent its post, marking this one as sent first: a later try then knows X's
     * "duplicate content" may be this step's own post. Only a hint: when the database cannot be reached for it, the
     * post still goes (nothing about it is lost; a lost answer is reconciled by look-up all the same), and a
     * duplicate refusal of a later try is then taken at its word.
     */
    private static boolean triedBefore(PublishRequest request) {
        try {
            if (request.memory().recall(POST_SENT).isPresent()) {
                return true;
            }
            request.memory().remember(POST_SENT, Instant.now().toString());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot keep in the step memory of publication %s that its post was sent: %s",
                    request.publicationId(), e.toString());
        }
        return false;
    }

    private HttpRequest.Builder authorized(PublishRequest request, String path) {
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, path))
                .header("Authorization", "Bearer " + request.token().value());
    }

    /** What a non-2xx answer means: try later (429, 5xx), connect again (401), or refused for good. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        Instant pausedUntil = XRateLimit.pausedUntil(response.headers()).orElse(null);
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        // A 400 names the bad parameter in errors[].message; other refusals say why in detail.
        String message = NetworkHttp.message(firstText(body.path("errors").path(0).path("message"),
                body.path("detail"), body.path("title")), response.body());
        if (status == 429) {
            return new PublishResult.Retry("X allows no more posts from " + account + " for now: " + message,
                    pausedUntil);
        }
        if (status >= 500) {
            return new PublishResult.Retry("X answered " + status + ": " + message, pausedUntil);
        }
        if (status == 401) {
            return new PublishResult.NeedsReconnect("X did not accept the access token of account " + account
                    + ": an admin must connect it again", pausedUntil);
        }
        return new PublishResult.Failed("X refused " + what + " (" + status + "): " + message, pausedUntil);
    }

    /** https://x.com/{handle}/status/{id}; X redirects to the right handle even if the account was renamed. */
    static URI postUrl(String account, String id) {
        String handle = account.startsWith("@") ? account.substring(1) : account;
        return URI.create("https://x.com/" + handle + "/status/" + id);
    }

    static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType.toLowerCase()) {
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }
}
