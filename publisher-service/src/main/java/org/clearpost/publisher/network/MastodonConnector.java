package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Mastodon with the account's user token: {@code POST /api/v2/media} (multipart {@code file} and
 * {@code description}, the alt text) for each image, video or audio, then {@code GET /api/v1/media/:id} until it is
 * processed (200; 206 while processing), then {@code POST /api/v1/statuses} ({@code status}, {@code media_ids},
 * {@code in_reply_to_id} for a reply or the next part of a thread, {@code visibility}).
 *
 * <p>Reconciliation: {@link Reconciliation#IDEMPOTENT_RETRY}. Every try of a step sends the step's
 * {@link PublishRequest#stepKey()} as {@code Idempotency-Key}, never a fresh one per try (the mistake that makes
 * peers post twice): within an hour the instance answers a repeat with the status the first call made. A
 * reconciliation later than that could post again; the ledger reconciles long before. Media ids uploaded for a step
 * are kept in its {@link StepMemory}, so a retry attaches them rather than uploading again.
 *
 * <p>Rate limits: {@code X-RateLimit-Remaining} 0 pauses the account until {@code X-RateLimit-Reset} (an ISO 8601
 * time), read by {@link MastodonRateLimit}.
 */
@ApplicationScoped
public class MastodonConnector implements NetworkConnector {

    private static final String NAME = "Mastodon";
    /** How often and how long to wait between look-ups of media still processing before the step is retried. */
    private static final int MAX_POLLS = 20;
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(3);

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;

    public MastodonConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.mastodon().baseUrl();
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.IDEMPOTENT_RETRY;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        PublishStep step = request.step();
        if (step instanceof PublishStep.Share) {
            return new PublishResult.Failed("the Mastodon connector does not share (boost) statuses yet", null);
        }
        try {
            if (step instanceof PublishStep.Post post) {
                return status(request, post.text(), post.media(), null);
            }
            PublishStep.Reply reply = (PublishStep.Reply) step;
            return status(request, reply.text(), reply.media(), reply.parentId());
        } catch (CallFailed e) {
            return e.result();
        }
    }

    private PublishResult status(PublishRequest request, String text, List<MediaItem> items, String inReplyTo)
            throws CallFailed {
        List<String> mediaIds = new ArrayList<>();
        for (MediaItem item : items) {
            mediaIds.add(upload(request, item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", text);
        body.put("visibility", "public");
        if (!mediaIds.isEmpty()) {
            body.put("media_ids", mediaIds);
        }
        if (inReplyTo != null) {
            body.put("in_reply_to_id", inReplyTo);
        }
        HttpRequest.Builder call = authorized(request, "/api/v1/statuses")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", request.stepKey())
                .POST(HttpRequest.BodyPublishers.ofString(http.json(body)));
        return http.send(NAME, call, response -> {
            Instant pausedUntil = pausedUntil(response.headers());
            if (response.statusCode() / 100 != 2) {
                return refusal(response, request.account(), "the status");
            }
            JsonNode status = http.json(response.body());
            String id = status.path("id").asText("");
            if (id.isEmpty()) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown("Mastodon answered "
                        + response.statusCode() + " without a status id"), pausedUntil);
            }
            return new PublishResult.Published(id, URI.create(status.path("url").asText()), pausedUntil);
        });
    }

    /** Uploads one file with its description (or re-uses the upload of an earlier try) and waits until processed. */
    private String upload(PublishRequest request, MediaItem item) throws CallFailed {
        if (item.kind() != MediaKind.IMAGE && item.kind() != MediaKind.VIDEO && item.kind() != MediaKind.AUDIO) {
            throw new CallFailed(new PublishResult.Failed("media " + item.mediaId() + " is " + item.kind()
                    + ": Mastodon takes images, video and audio", null));
        }
        String remembered = "mastodon.media." + item.mediaId();
        Optional<String> earlier = request.memory().recall(remembered);
        if (earlier.isPresent()) {
            awaitProcessed(request, item, earlier.get());
            return earlier.get();
        }
        byte[] bytes = media.fetch(item);
        Multipart form = new Multipart().file("file", item.mediaId() + XConnector.extension(item.contentType()),
                item.contentType(), bytes);
        if (item.altText() != null && !item.altText().isBlank()) {
            form.field("description", item.altText());
        }
        HttpResponse<String> uploaded = http.exchangeBeforePosting(NAME, authorized(request, "/api/v2/media")
                .header("Content-Type", form.contentType()).POST(form.publisher()));
        if (uploaded.statusCode() != 200 && uploaded.statusCode() != 202) {
            throw new CallFailed(refusal(uploaded, request.account(), "media " + item.mediaId()));
        }
        JsonNode attachment = http.json(uploaded.body());
        String id = attachment.path("id").asText("");
        if (id.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("Mastodon answered the upload of media " + item.mediaId()
                    + " without an id", pausedUntil(uploaded.headers())));
        }
        request.memory().remember(remembered, id);
        if (uploaded.statusCode() == 202 || attachment.path("url").isNull()) {
            awaitProcessed(request, item, id);
        }
        return id;
    }

    /** Polls {@code GET /api/v1/media/:id} until 200; still processing after the last poll: the step is retried. */
    private void awaitProcessed(PublishRequest request, MediaItem item, String id) throws CallFailed {
        Duration wait = FIRST_POLL;
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            HttpResponse<String> state = http.exchangeBeforePosting(NAME,
                    authorized(request, "/api/v1/media/" + id).GET());
            if (state.statusCode() == 200) {
                return;
            }
            if (state.statusCode() != 206) {
                throw new CallFailed(refusal(state, request.account(), "media " + item.mediaId()));
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
        }
        throw new CallFailed(new PublishResult.Retry("Mastodon is still processing media " + item.mediaId(), null));
    }

    private HttpRequest.Builder authorized(PublishRequest request, String path) {
        return HttpRequest.newBuilder(NetworkHttp.endpoint(base, path))
                .header("Authorization", "Bearer " + request.token().value());
    }

    /** What a non-2xx answer means: later (429, 5xx), connect again (401), or refused for good with Mastodon's words. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        Instant pausedUntil = pausedUntil(response.headers());
        int status = response.statusCode();
        String message = NetworkHttp.message(http.json(response.body()).path("error").asText(null), response.body());
        if (status == 429) {
            return new PublishResult.Retry("Mastodon allows no more calls from " + account + " for now: " + message,
                    pausedUntil != null ? pausedUntil : resetOf(response.headers()));
        }
        if (status >= 500) {
            return new PublishResult.Retry("Mastodon answered " + status + ": " + message, pausedUntil);
        }
        if (status == 401) {
            return new PublishResult.NeedsReconnect("Mastodon did not accept the access token of account " + account
                    + " (401: " + message + "): an admin must connect it again", pausedUntil);
        }
        return new PublishResult.Failed("Mastodon refused " + what + " (" + status + "): " + message, pausedUntil);
    }

    /** {@code X-RateLimit-Remaining} 0: no calls until {@code X-RateLimit-Reset}; else null. */
    static Instant pausedUntil(HttpHeaders headers) {
        return MastodonRateLimit.pausedUntil(headers).orElse(null);
    }

    private static Instant resetOf(HttpHeaders headers) {
        return MastodonRateLimit.resetAt(headers).orElse(null);
    }
}
