package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Finds a step among what the Page already shows, reading Graph with the Page token in the Authorization header
 * (never in a URL, where proxies log it): {@code GET /{page-id}/feed?fields=id,message,created_time,attachments} for
 * a post, a photo post or a share, {@code GET /{page-id}/videos?fields=id,description,created_time} for a video, and
 * {@code GET /{object-id}/comments?fields=id,message,from,created_time&order=reverse_chronological} for a comment,
 * newest first, following {@code paging.next} for up to {@link #PAGES} pages of 100. Graph keeps a message as it was
 * sent, so the match is on the exact text.
 */
final class FacebookLookup {

    /** How far back a look-up reads: the step was tried minutes ago, so 300 items is well past it. */
    static final int PAGES = 3;

    private final NetworkHttp http;
    private final URI base;
    private final String token;

    FacebookLookup(NetworkHttp http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** The first item of the edge at {@code path} (with its query) matching {@code which}; empty if none. */
    Optional<JsonNode> find(String path, Predicate<JsonNode> which) throws CallFailed {
        URI next = NetworkHttp.endpoint(base, path);
        for (int page = 0; page < PAGES && next != null; page++) {
            JsonNode answer = get(next);
            for (JsonNode item : answer.path("data")) {
                if (which.test(item)) {
                    return Optional.of(item);
                }
            }
            String more = answer.path("paging").path("next").asText("");
            next = more.isEmpty() ? null : URI.create(more);
        }
        return Optional.empty();
    }

    /** An item whose {@code field} is exactly {@code text} (absent counts as empty). */
    static Predicate<JsonNode> text(String field, String text) {
        String expected = text == null ? "" : text;
        return item -> item.path(field).asText("").equals(expected);
    }

    private JsonNode get(URI uri) throws CallFailed {
        HttpResponse<String> response;
        try {
            response = http.exchange("Facebook", HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).GET());
        } catch (CallFailed e) {
            throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown(
                    "the look-up on the Page got no answer"), null));
        }
        Instant pausedUntil = MetaUsage.pausedUntil(response.headers(), Instant.now()).orElse(null);
        if (response.statusCode() / 100 != 2) {
            JsonNode error = http.json(response.body()).path("error");
            throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown("the look-up on the Page "
                    + "was refused (" + response.statusCode() + ", code " + error.path("code").asText("none") + "): "
                    + NetworkHttp.message(error.path("message").asText(null), response.body())), pausedUntil));
        }
        return http.json(response.body());
    }
}
