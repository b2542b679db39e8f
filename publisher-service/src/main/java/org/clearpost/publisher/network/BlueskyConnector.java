package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Bluesky through the account's PDS (XRPC): {@code com.atproto.server.createSession} with the account's handle and
 * app password (the connected account's {@code AccessToken} value IS the app password: Bluesky has no OAuth for
 * posting bots yet), {@code refreshSession} when the access token answers {@code ExpiredToken},
 * {@code com.atproto.identity.resolveHandle} for each @mention, {@code com.atproto.repo.uploadBlob} for images (with
 * their alt text in {@code app.bsky.embed.images}) or one video ({@code app.bsky.embed.video}),
 * {@code com.atproto.repo.getRecord} for a reply's parent (its cid, and the thread's root), and
 * {@code com.atproto.repo.createRecord} of an {@code app.bsky.feed.post} with facets from {@link BlueskyFacets}.
 *
 * <p>Reconciliation: {@link Reconciliation#IDEMPOTENT_RETRY}. The record key is chosen before the call,
 * {@link BlueskyTid#fromStepKey}, the same for every try of a step: a repeat cannot make a second post, because the
 * PDS will not create a record at a key that holds one. It answers that with an error (today a 500, see the
 * sandbox's {@code BlueskyRepoResource}), so after any refused create the connector reads the record at its key: if it
 * is this step's post (same text and reply parent) the step is published; if the key holds something else it fails.
 *
 * <p>Sessions are cached per account in memory (createSession is limited to 30 per 5 minutes per account); an app
 * password Bluesky refuses (401 {@code AuthenticationRequired}) makes the account need reconnecting.
 */
@ApplicationScoped
public class BlueskyConnector implements NetworkConnector {

    private static final String NAME = "Bluesky";
    private static final String POST = "app.bsky.feed.post";

    private final NetworkHttp http;
    private final MediaFetcher media;
    private final URI base;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** An open session; {@code password} is the fingerprint of the app password it was opened with. */
    private record Session(int password, String did, String handle, String accessJwt, String refreshJwt) {
        @Override
        public String toString() {
            return "Session[" + did + ", redacted]";
        }
    }

    /** The access token was refused as expired: the step is tried again once with a refreshed session. */
    private static final class SessionExpired extends Exception {
        SessionExpired() {
            super(null, null, false, false);
        }
    }

    public BlueskyConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.http = http;
        this.media = media;
        this.base = config.bluesky().baseUrl();
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.IDEMPOTENT_RETRY;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            Session session = session(request, false);
            try {
                return post(request, session);
            } catch (SessionExpired e) {
                return post(request, session(request, true));
            }
        } catch (CallFailed e) {
            return e.result();
        } catch (SessionExpired e) {
            return new PublishResult.Retry("Bluesky refused a session it had just opened as expired", null);
        }
    }

    private PublishResult post(PublishRequest request, Session session) throws CallFailed, SessionExpired {
        PublishStep step = request.step();
        if (step instanceof PublishStep.Share) {
            return new PublishResult.Failed("the Bluesky connector does not share posts (repost or quote) yet", null);
        }
        String text = step instanceof PublishStep.Post p ? p.text() : ((PublishStep.Reply) step).text();
        List<MediaItem> items = step instanceof PublishStep.Post p ? p.media() : ((PublishStep.Reply) step).media();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", POST);
        record.put("text", text);
        record.put("createdAt", Instant.now().toString());
        List<Map<String, Object>> facets = facets(text);
        if (!facets.isEmpty()) {
            record.put("facets", facets);
        }
        if (!items.isEmpty()) {
            record.put("embed", embed(request, session, items));
        }
        String parentUri = step instanceof PublishStep.Reply reply ? reply.parentId() : null;
        if (parentUri != null) {
            record.put("reply", replyRefs(parentUri));
        }
        String rkey = BlueskyTid.fromStepKey(request.stepKey());
        Map<String, Object> body = Map.of("repo", session.did(), "collection", POST, "rkey", rkey, "record", record);
        HttpResponse<String> response = http.exchange(NAME, authorized(session, "com.atproto.repo.createRecord")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(body))));
        Instant pausedUntil = pausedUntil(response.headers());
        if (response.statusCode() == 200) {
            JsonNode answer = http.json(response.body());
            return new PublishResult.Published(answer.path("uri").asText(), postUrl(session.handle(), rkey),
                    pausedUntil);
        }
        expired(response);
        return alreadyThere(session, rkey, text, parentUri, pausedUntil)
                .orElseGet(() -> refusal(response, request.account(), "the post"));
    }

    /**
     * After a refused create: the post this step made on an earlier try, if the key holds it. A key holding another
     * post is a failure (never overwritten); an empty key means the refusal stands.
     */
    private Optional<PublishResult> alreadyThere(Session session, String rkey, String text, String parentUri,
            Instant pausedUntil) throws CallFailed {
        HttpResponse<String> found = http.exchangeBeforePosting(NAME, HttpRequest.newBuilder(xrpc(
                "com.atproto.repo.getRecord?repo=" + encode(session.did()) + "&collection=" + POST + "&rkey=" + rkey))
                .GET());
        if (found.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode held = http.json(found.body());
        JsonNode value = held.path("value");
        boolean ours = text.equals(value.path("text").asText(null))
                && Objects.equals(parentUri, value.path("reply").path("parent").path("uri").asText(null));
        if (!ours) {
            return Optional.of(new PublishResult.Failed("the Bluesky record key " + rkey + " of this step holds "
                    + "another post (" + held.path("uri").asText() + "): not overwritten", pausedUntil));
        }
        return Optional.of(new PublishResult.Published(held.path("uri").asText(), postUrl(session.handle(), rkey),
                pausedUntil));
    }

    /** Facets with UTF-8 byte offsets; a mention whose handle does not resolve stays plain text, as in Bluesky's app. */
    private List<Map<String, Object>> facets(String text) throws CallFailed {
        List<Map<String, Object>> facets = new ArrayList<>();
        for (BlueskyFacets.Facet facet : BlueskyFacets.detect(text)) {
            Map<String, Object> feature = new LinkedHashMap<>();
            switch (facet.kind()) {
                case LINK -> {
                    feature.put("$type", "app.bsky.richtext.facet#link");
                    feature.put("uri", facet.value());
                }
                case TAG -> {
                    feature.put("$type", "app.bsky.richtext.facet#tag");
                    feature.put("tag", facet.value());
                }
                case MENTION -> {
                    Optional<String> did = resolve(facet.value());
                    if (did.isEmpty()) {
                        continue;
                    }
                    feature.put("$type", "app.bsky.richtext.facet#mention");
                    feature.put("did", did.get());
                }
                default -> throw new IllegalStateException("unknown facet kind " + facet.kind());
            }
            facets.add(Map.of("index", Map.of("byteStart", facet.byteStart(), "byteEnd", facet.byteEnd()),
                    "features", List.of(feature)));
        }
        return facets;
    }

    private Optional<String> resolve(String handle) throws CallFailed {
        HttpResponse<String> resolved = http.exchangeBeforePosting(NAME, HttpRequest.newBuilder(
                xrpc("com.atproto.identity.resolveHandle?handle=" + encode(handle))).GET());
        if (resolved.statusCode() >= 500 || resolved.statusCode() == 429) {
            throw new CallFailed(new PublishResult.Retry("Bluesky could not resolve @" + handle + " ("
                    + resolved.statusCode() + ")", pausedUntil(resolved.headers())));
        }
        String did = http.json(resolved.body()).path("did").asText("");
        return resolved.statusCode() == 200 && did.startsWith("did:") ? Optional.of(did) : Optional.empty();
    }

    /** Up to four images, each with its alt text, or one video; blobs are content-addressed, so a retry re-uses them. */
    private Map<String, Object> embed(PublishRequest request, Session session, List<MediaItem> items)
            throws CallFailed, SessionExpired {
        boolean video = items.stream().anyMatch(i -> i.kind() == MediaKind.VIDEO);
        if (video && items.size() > 1 || items.size() > 4
                || items.stream().anyMatch(i -> i.kind() != MediaKind.IMAGE && i.kind() != MediaKind.VIDEO)) {
            throw new CallFailed(new PublishResult.Failed("Bluesky takes up to 4 images or 1 video on a post", null));
        }
        if (video) {
            MediaItem item = items.get(0);
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("$type", "app.bsky.embed.video");
            embed.put("video", upload(request, session, item));
            if (item.altText() != null && !item.altText().isBlank()) {
                embed.put("alt", item.altText());
            }
            return embed;
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (MediaItem item : items) {
            // alt is required by app.bsky.embed.images; an image without one gets an empty alt, as Bluesky's app sends.
            images.add(Map.of("image", upload(request, session, item),
                    "alt", item.altText() == null ? "" : item.altText()));
        }
        return Map.of("$type", "app.bsky.embed.images", "images", images);
    }

    private JsonNode upload(PublishRequest request, Session session, MediaItem item) throws CallFailed,
            SessionExpired {
        byte[] bytes = media.fetch(item);
        HttpResponse<String> uploaded = http.exchangeBeforePosting(NAME,
                authorized(session, "com.atproto.repo.uploadBlob").header("Content-Type", item.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        expired(uploaded);
        JsonNode blob = http.json(uploaded.body()).path("blob");
        if (uploaded.statusCode() != 200 || blob.isMissingNode()) {
            throw new CallFailed(refusal(uploaded, request.account(), "media " + item.mediaId()));
        }
        return blob;
    }

    /** {@code reply.parent} is the post answered; {@code reply.root} the first post of its thread. */
    private Map<String, Object> replyRefs(String parentUri) throws CallFailed {
        String[] parts = parentUri.startsWith("at://") ? parentUri.substring(5).split("/") : new String[0];
        if (parts.length != 3) {
            throw new CallFailed(new PublishResult.Failed("a Bluesky reply needs the at:// URI of its parent, got "
                    + parentUri, null));
        }
        HttpResponse<String> found = http.exchangeBeforePosting(NAME, HttpRequest.newBuilder(xrpc(
                "com.atproto.repo.getRecord?repo=" + encode(parts[0]) + "&collection=" + encode(parts[1]) + "&rkey="
                        + encode(parts[2]))).GET());
        JsonNode parent = http.json(found.body());
        if (found.statusCode() != 200) {
            PublishResult refused = found.statusCode() >= 500 || found.statusCode() == 429
                    ? new PublishResult.Retry("Bluesky could not read the parent post " + parentUri + " ("
                            + found.statusCode() + ")", pausedUntil(found.headers()))
                    : new PublishResult.Failed("Bluesky has no parent post " + parentUri + " to reply to ("
                            + found.statusCode() + " " + parent.path("error").asText("") + ")", null);
            throw new CallFailed(refused);
        }
        Map<String, Object> parentRef = Map.of("uri", parent.path("uri").asText(), "cid", parent.path("cid").asText());
        JsonNode root = parent.path("value").path("reply").path("root");
        Map<String, Object> rootRef = root.has("uri") && root.has("cid")
                ? Map.of("uri", root.path("uri").asText(), "cid", root.path("cid").asText()) : parentRef;
        return Map.of("root", rootRef, "parent", parentRef);
    }

    /** The cached session, or a refreshed one ({@code renew}), or a new one from the app password. */
    private Session session(PublishRequest request, boolean renew) throws CallFailed {
        String password = request.token().value();
        Session cached = sessions.get(request.account());
        if (cached != null && cached.password() == password.hashCode() && !renew) {
            return cached;
        }
        if (cached != null && cached.password() == password.hashCode()) {
            HttpResponse<String> refreshed = http.exchangeBeforePosting(NAME, HttpRequest.newBuilder(
                    xrpc("com.atproto.server.refreshSession")).header("Authorization", "Bearer " + cached.refreshJwt())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (refreshed.statusCode() == 200) {
                return keep(request.account(), password, http.json(refreshed.body()));
            }
        }
        sessions.remove(request.account());
        Map<String, Object> body = Map.of("identifier", handle(request.account()), "password", password);
        HttpResponse<String> created = http.exchangeBeforePosting(NAME, HttpRequest.newBuilder(
                xrpc("com.atproto.server.createSession")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(body))));
        if (created.statusCode() != 200) {
            throw new CallFailed(refusal(created, request.account(), "the session"));
        }
        return keep(request.account(), password, http.json(created.body()));
    }

    private Session keep(String account, String password, JsonNode answer) {
        Session session = new Session(password.hashCode(), answer.path("did").asText(),
                answer.path("handle").asText(handle(account)), answer.path("accessJwt").asText(),
                answer.path("refreshJwt").asText());
        sessions.put(account, session);
        return session;
    }

    private static void expired(HttpResponse<String> response) throws SessionExpired {
        if ((response.statusCode() == 400 || response.statusCode() == 401)
                && response.body() != null && response.body().contains("\"ExpiredToken\"")) {
            throw new SessionExpired();
        }
    }

    /** What a non-2xx XRPC answer means: later (429, 5xx), connect again (401), or refused for good. */
    private PublishResult refusal(HttpResponse<String> response, String account, String what) {
        Instant pausedUntil = pausedUntil(response.headers());
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        String reason = status + " " + body.path("error").asText("") + ": "
                + NetworkHttp.message(body.path("message").asText(null), response.body());
        if (status == 429) {
            return new PublishResult.Retry("Bluesky allows no more calls from " + account + " for now (" + reason
                    + ")", pausedUntil);
        }
        if (status >= 500) {
            return new PublishResult.Retry("Bluesky answered " + reason, pausedUntil);
        }
        if (status == 401) {
            return new PublishResult.NeedsReconnect("Bluesky refused the app password of account " + account + " ("
                    + reason + "): an admin must connect it again", pausedUntil);
        }
        return new PublishResult.Failed("Bluesky refused " + what + " (" + reason + ")", pausedUntil);
    }

    /** Bluesky's {@code ratelimit-remaining} and {@code ratelimit-reset} (epoch seconds): no calls left until reset. */
    static Instant pausedUntil(HttpHeaders headers) {
        Optional<String> remaining = headers.firstValue("ratelimit-remaining");
        Optional<String> reset = headers.firstValue("ratelimit-reset");
        try {
            if (remaining.isPresent() && reset.isPresent() && Long.parseLong(remaining.get().strip()) <= 0) {
                return Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private HttpRequest.Builder authorized(Session session, String method) {
        return HttpRequest.newBuilder(xrpc(method)).header("Authorization", "Bearer " + session.accessJwt());
    }

    private URI xrpc(String methodAndQuery) {
        return NetworkHttp.endpoint(base, "/xrpc/" + methodAndQuery);
    }

    /** https://bsky.app/profile/{handle}/post/{rkey}. */
    static URI postUrl(String handle, String rkey) {
        return URI.create("https://bsky.app/profile/" + handle + "/post/" + rkey);
    }

    private static String handle(String account) {
        return account.startsWith("@") ? account.substring(1) : account;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
