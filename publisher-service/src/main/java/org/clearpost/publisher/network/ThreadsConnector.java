package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Threads (graph.threads.net) with the account's Threads user access token; the account is the Threads user id.
 * A post is two calls: {@code POST /{user-id}/threads} makes a media container ({@code media_type} TEXT, IMAGE with
 * {@code image_url} and {@code alt_text}, VIDEO with {@code video_url}, or CAROUSEL of {@code children} made with
 * {@code is_carousel_item=true}; {@code reply_to_id} for a thread part or a reply), and
 * {@code POST /{user-id}/threads_publish} with {@code creation_id} publishes it. Media go as the cleared media
 * store's URL, which Threads fetches itself (so it must be public); images are fetched and checked against the
 * clearance first. Before publishing, {@code GET /{container-id}?fields=status,error_message} is polled until
 * {@code FINISHED} (media take a while). The post's URL comes from {@code GET /{media-id}?fields=permalink}.
 *
 * <p><b>Reconciliation: {@link Reconciliation#IDEMPOTENT_RETRY}.</b> The container id is kept in the step's
 * {@link StepMemory} (committed) before {@code threads_publish} is called, and a container is published at most once
 * ("PUBLISHED" from then on). A retry, or a reconcile after an unknown outcome, never makes a second container: it
 * reads the stored one's status: {@code FINISHED} (or still processing) is published now; {@code PUBLISHED} means the
 * lost call did publish, and the post is found among the account's own posts ({@code GET /{user-id}/threads}, or
 * {@code /replies}, since the container was made, with the same text and parent); {@code EXPIRED} (24 h unpublished,
 * so never published) gets a new container. The media id is remembered as soon as it is known, so a lost permalink
 * read only reads the permalink again. A share of another target is not supported yet and fails saying so.
 */
@ApplicationScoped
public class ThreadsConnector implements NetworkConnector {

    static final String CONTAINER = "threads.container";
    static final String CONTAINER_MADE_AT = "threads.container-made-at";
    static final String MEDIA_ID = "threads.media-id";
    /** Graph codes that mean "not now": unknown or temporary errors and the rate limits. */
    private static final Set<Integer> TRY_LATER_CODES = Set.of(1, 2, 4, 17, 32, 613);
    private static final int INVALID_TOKEN = 190;
    /** "Media Not Found": a container Threads cannot publish (yet, or any more). */
    private static final int MEDIA_NOT_FOUND = 4279009;
    /** Slack on "since" when looking for a published post: the network's clock and ours may differ a little. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;
    private final Duration pollInterval;
    private final Duration maxWait;

    public ThreadsConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.threads().baseUrl();
        this.pollInterval = config.threads().statusPollInterval();
        this.maxWait = config.threads().statusMaxWait();
    }

    /** What one step puts on Threads: text, media, and the post it answers (null for a post of its own). */
    private record Content(String text, List<MediaItem> media, String replyTo) {
    }

    @Override
    public Network network() {
        return Network.THREADS;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.IDEMPOTENT_RETRY;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishStep step = request.step();
        Content content;
        if (step instanceof PublishStep.Post post) {
            content = new Content(post.text(), post.media(), null);
        } else if (step instanceof PublishStep.Reply reply) {
            content = new Content(reply.text(), reply.media(), reply.parentId());
        } else {
            return new PublishResult.Failed("the Threads connector publishes posts, thread parts and replies; sharing "
                    + "another target's post is not supported yet", null);
        }
        try {
            return publish(request, content);
        } catch (CallFailed e) {
            return e.result();
        }
    }

    private PublishResult publish(PublishRequest request, Content content) throws CallFailed {
        StepMemory memory = request.memory();
        Optional<String> mediaId = memory.recall(MEDIA_ID);
        if (mediaId.isPresent()) {
            return permalink(request, mediaId.get());
        }
        String container = memory.recall(CONTAINER).orElse(null);
        if (container != null && "EXPIRED".equals(status(request, container).path("status").asText())) {
            // Never published (a published container says PUBLISHED): it can only be replaced.
            container = null;
        }
        if (container == null) {
            container = create(request, content);
            // Committed before threads_publish: every later try publishes this container, never a new one.
            memory.remember(CONTAINER, container);
            memory.remember(CONTAINER_MADE_AT, Instant.now().toString());
        }
        if ("PUBLISHED".equals(awaitReady(request, container))) {
            return findPublished(request, container, content);
        }
        HttpResponse<String> answer = http.exchange("Threads", form(request,
                "/" + encode(request.account()) + "/threads_publish", Map.of("creation_id", container)));
        JsonNode body = http.json(answer.body());
        if (answer.statusCode() / 100 != 2) {
            if (body.path("error").path("error_subcode").asInt(0) == MEDIA_NOT_FOUND) {
                // Used up by an earlier publish, or not yet known everywhere at Threads (a race its users report).
                if ("PUBLISHED".equals(status(request, container).path("status").asText())) {
                    return findPublished(request, container, content);
                }
                return new PublishResult.Retry("Threads could not find container " + container + " to publish yet: "
                        + NetworkHttp.message(body.path("error").path("message").asText(null), answer.body()), null);
            }
            return refusal(answer, request.account(), "the post");
        }
        String id = body.path("id").asText("");
        if (id.isEmpty()) {
            return new PublishResult.Unknown(PublishResult.outcomeUnknown("Threads answered "
                    + answer.statusCode() + " to threads_publish without a media id"), null);
        }
        memory.remember(MEDIA_ID, id);
        return permalink(request, id);
    }

    /** Makes the step's container (a carousel's items first); nothing is public yet. */
    private String create(PublishRequest request, Content content) throws CallFailed {
        List<MediaItem> items = content.media();
        Map<String, String> params = new LinkedHashMap<>();
        if (items.isEmpty()) {
            params.put("media_type", "TEXT");
        } else if (items.size() == 1) {
            params.putAll(item(items.get(0), false));
        } else {
            List<String> children = new ArrayList<>();
            for (MediaItem item : items) {
                String child = container(request, item(item, true));
                awaitReady(request, child);
                children.add(child);
            }
            params.put("media_type", "CAROUSEL");
            params.put("children", String.join(",", children));
        }
        params.put("text", content.text());
        if (content.replyTo() != null) {
            params.put("reply_to_id", content.replyTo());
        }
        return container(request, params);
    }

    /** The container parameters of one image or video; an image is checked against the clearance first. */
    private Map<String, String> item(MediaItem item, boolean carouselItem) throws CallFailed {
        Map<String, String> params = new LinkedHashMap<>();
        if (item.kind() == MediaKind.IMAGE) {
            // Threads fetches the URL itself; checking the bytes first keeps uncleared bytes off it.
            media.fetch(item);
            params.put("media_type", "IMAGE");
            params.put("image_url", item.url());
        } else if (item.kind() == MediaKind.VIDEO) {
            params.put("media_type", "VIDEO");
            params.put("video_url", item.url());
        } else {
            throw new CallFailed(new PublishResult.Failed("media " + item.mediaId() + " is " + item.kind()
                    + ": Threads takes images and videos", null));
        }
        if (item.altText() != null && !item.altText().isBlank()) {
            params.put("alt_text", item.altText());
        }
        if (carouselItem) {
            params.put("is_carousel_item", "true");
        }
        return params;
    }

    private String container(PublishRequest request, Map<String, String> params) throws CallFailed {
        HttpResponse<String> answer = http.exchangeBeforePosting("Threads",
                form(request, "/" + encode(request.account()) + "/threads", params));
        if (answer.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(answer, request.account(), "the " + params.get("media_type")
                    + " container"));
        }
        String id = http.json(answer.body()).path("id").asText("");
        if (id.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("Threads answered a container without an id", null));
        }
        return id;
    }

    /**
     * Waits until the container is {@code FINISHED} (answered) or {@code PUBLISHED} (answered); {@code ERROR} fails
     * the step with Threads' {@code error_message}; still {@code IN_PROGRESS} after {@code status-max-wait} ends this
     * try with a retry (the next publishes the same container).
     */
    private String awaitReady(PublishRequest request, String container) throws CallFailed {
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            JsonNode state = status(request, container);
            String status = state.path("status").asText("");
            switch (status) {
                case "FINISHED", "PUBLISHED":
                    return status;
                case "ERROR":
                    throw new CallFailed(new PublishResult.Failed("Threads could not process media container "
                            + container + ": " + state.path("error_message").asText("no error_message"), null));
                case "EXPIRED":
                    throw new CallFailed(new PublishResult.Retry("Threads media container " + container
                            + " expired before it was published", null));
                default:
                    break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CallFailed(new PublishResult.Retry("Threads was still processing media container "
                        + container + " (" + status + ") after " + maxWait.toSeconds() + " s", null));
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed(new PublishResult.Retry("stopped while Threads processed container "
                        + container, null));
            }
        }
    }

    private JsonNode status(PublishRequest request, String container) throws CallFailed {
        HttpResponse<String> answer = http.exchangeBeforePosting("Threads",
                read(request, "/" + encode(container) + "?fields=status,error_message"));
        if (answer.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(answer, request.account(), "the status of container " + container));
        }
        return http.json(answer.body());
    }

    /**
     * The container was published by a call whose answer was lost: its post is the account's post (or reply) with
     * this text and parent, made since the container was.
     */
    private PublishResult findPublished(PublishRequest request, String container, Content content)
            throws CallFailed {
        Instant since = request.memory().recall(CONTAINER_MADE_AT).map(Instant::parse).orElse(Instant.EPOCH)
                .minus(CLOCK_SLACK);
        String edge = content.replyTo() == null ? "threads" : "replies";
        HttpResponse<String> answer = http.exchangeBeforePosting("Threads", read(request, "/"
                + encode(request.account()) + "/" + edge + "?fields=id,text,timestamp,permalink,replied_to&limit=100"
                + "&since=" + since.getEpochSecond()));
        if (answer.statusCode() / 100 != 2) {
            throw new CallFailed(refusal(answer, request.account(), "the look-up of the account's " + edge));
        }
        JsonNode found = null;
        for (JsonNode post : http.json(answer.body()).path("data")) {
            boolean sameParent = content.replyTo() == null
                    || content.replyTo().equals(post.path("replied_to").path("id").asText());
            if (sameParent && content.text().equals(post.path("text").asText(null))) {
                found = post; // newest first: the last match is the earliest since the container was made
            }
        }
        if (found == null) {
            return new PublishResult.Unknown(PublishResult.outcomeUnknown("Threads says container " + container
                    + " is published, but its post is not among the account's " + edge + " yet"), null);
        }
        String id = found.path("id").asText();
        request.memory().remember(MEDIA_ID, id);
        String permalink = found.path("permalink").asText("");
        return permalink.isEmpty() ? permalink(request, id)
                : new PublishResult.Published(id, URI.create(permalink), null);
    }

    /** The published post's URL; the post is live, so a failed read is an unknown outcome, read again later. */
    private PublishResult permalink(PublishRequest request, String mediaId) {
        try {
            HttpResponse<String> answer = http.exchange("Threads",
                    read(request, "/" + encode(mediaId) + "?fields=permalink"));
            String permalink = http.json(answer.body()).path("permalink").asText("");
            if (answer.statusCode() / 100 == 2 && !permalink.isEmpty()) {
                return new PublishResult.Published(mediaId, URI.create(permalink), null);
            }
            return new PublishResult.Unknown(PublishResult.outcomeUnknown("Threads published " + mediaId
                    + " but answered " + answer.statusCode() + " for its permalink"), null);
        } catch (CallFailed e) {
            return new PublishResult.Unknown(PublishResult.outcomeUnknown("Threads published " + mediaId
                    + " but its permalink could not be read"), null);
        }
    }

    /** A POST with the token in the form body, not the URL (proxies log URLs). */
    private HttpRequest.Builder form(PublishRequest request, String path, Map<String, String> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((name, value) -> form.append(name).append('=').append(encode(value)).append('&'));
        form.append("access_token=").append(encode(request.token().value()));
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    }

    private HttpRequest.Builder read(PublishRequest request, String pathAndQuery) {
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, pathAndQuery))
                .header("Authorization", "Bearer " + request.token().value()).GET();
    }

    /** What a non-2xx answer means: try later, connect again (code 190, 401), or refused for good. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        int status = response.statusCode();
        JsonNode error = http.json(response.body()).path("error");
        String message = NetworkHttp.message(error.path("message").asText(null), response.body());
        int code = error.path("code").asInt(0);
        String codes = "code " + code + (error.has("error_subcode") ? "/" + error.path("error_subcode").asInt() : "");
        if (status >= 500 || status == 429 || error.path("is_transient").asBoolean(false)
                || TRY_LATER_CODES.contains(code)) {
            return new PublishResult.Retry("Threads answered " + status + " (" + codes + "): " + message, null);
        }
        if (code == INVALID_TOKEN || status == 401) {
            return new PublishResult.NeedsReconnect("Threads did not accept the access token of account " + account
                    + " (" + message + "): an admin must connect it again", null);
        }
        return new PublishResult.Failed("Threads refused " + what + " (" + status + ", " + codes + "): " + message,
                null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
