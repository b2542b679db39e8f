package org.clearpost.sandbox.threads;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Tokens;
import org.clearpost.sandbox.threads.ThreadsStore.Refusal;

/**
 * {@code POST /{user-id}/threads}: checks the parameters as Threads does and makes the container. An
 * {@code image_url} or {@code video_url} is fetched here, as Threads cURLs it ("it must be on a public server"): an
 * image that cannot be fetched is refused at once, a video that cannot be fetched leaves the container in
 * {@code ERROR} with {@code FAILED_DOWNLOADING_VIDEO}, the way Threads reports video processing.
 */
@ApplicationScoped
class ContainerFactory {

    private static final Set<String> TYPES = Set.of("TEXT", "IMAGE", "VIDEO", "CAROUSEL");
    private static final int MAX_TEXT = 500;
    private static final int MAX_ALT_TEXT = 1000;
    private static final int MAX_CHILDREN = 20;

    private final ThreadsStore store;
    private final ThreadsSandboxConfig config;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    ContainerFactory(ThreadsStore store, ThreadsSandboxConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The new container, or why Threads refuses it. */
    Object create(String fingerprint, String userId, Map<String, String> params) {
        String type = params.get("media_type");
        if (type == null || !TYPES.contains(type)) {
            return Refusal.badParam("(#100) Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}");
        }
        String text = params.get("text");
        boolean carouselItem = "true".equalsIgnoreCase(params.get("is_carousel_item"));
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            return Refusal.badParam("(#100) Param text must be at most " + MAX_TEXT + " characters long");
        }
        String altText = params.get("alt_text");
        if (altText != null && altText.length() > MAX_ALT_TEXT) {
            return Refusal.badParam("(#100) Param alt_text must be at most " + MAX_ALT_TEXT + " characters long");
        }
        String replyTo = blankToNull(params.get("reply_to_id"));
        if (replyTo != null && store.post(replyTo).isEmpty()) {
            return Refusal.notFound(replyTo);
        }
        String quoteOf = blankToNull(params.get("quote_post_id"));
        if (quoteOf != null && store.post(quoteOf).isEmpty()) {
            return Refusal.notFound(quoteOf);
        }
        List<HeldMedia> media = new ArrayList<>();
        List<String> children = List.of();
        String error = null;
        switch (type) {
            case "TEXT" -> {
                if (text == null || text.isBlank()) {
                    return Refusal.badParam("(#100) Param text is required for media_type TEXT");
                }
            }
            case "IMAGE" -> {
                Object fetched = fetch(params.get("image_url"), "image_url", "image/", altText);
                if (fetched instanceof Refusal refusal) {
                    return refusal;
                }
                media.add((HeldMedia) fetched);
            }
            case "VIDEO" -> {
                Object fetched = fetch(params.get("video_url"), "video_url", "video/", altText);
                if (fetched instanceof HeldMedia video) {
                    media.add(video);
                } else if (params.get("video_url") == null || params.get("video_url").isBlank()) {
                    return fetched;
                } else {
                    error = "FAILED_DOWNLOADING_VIDEO";
                }
            }
            default -> {
                Object kids = children(fingerprint, params.get("children"));
                if (kids instanceof Refusal refusal) {
                    return refusal;
                }
                @SuppressWarnings("unchecked")
                List<ThreadsContainer> items = (List<ThreadsContainer>) kids;
                children = items.stream().map(ThreadsContainer::id).toList();
                media.addAll(ThreadsStore.mediaOf(items));
            }
        }
        return store.add(new ThreadsContainer(Ids.next(), fingerprint, userId, type, text, replyTo, quoteOf,
                carouselItem, children, media, error, store.now(), null));
    }

    /** The carousel's children: 2 to 20 ready carousel items of this token. */
    private Object children(String fingerprint, String value) {
        List<String> ids = value == null ? List.of() : Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids.size() < 2 || ids.size() > MAX_CHILDREN) {
            return Refusal.badParam("(#100) Param children must list 2 to " + MAX_CHILDREN + " carousel item "
                    + "container ids; got " + ids.size());
        }
        List<ThreadsContainer> found = new ArrayList<>();
        for (String id : ids) {
            Optional<ThreadsContainer> child = store.container(id).filter(c -> c.fingerprint().equals(fingerprint));
            if (child.isEmpty() || !child.get().carouselItem()) {
                return Refusal.badParam("(#100) Param children holds " + id + ", which is not a carousel item "
                        + "container of this user (is_carousel_item=true)");
            }
            String status = store.status(child.get());
            if (!"FINISHED".equals(status)) {
                return Refusal.badParam("(#100) The carousel item " + id + " is " + status + ", not FINISHED");
            }
            found.add(child.get());
        }
        return found;
    }

    /** The file at {@code url}, as Threads would cURL it, or the refusal. */
    private Object fetch(String url, String param, String kind, String altText) {
        if (url == null || url.isBlank()) {
            return Refusal.badParam("(#100) Param " + param + " is required for this media_type");
        }
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url.strip()))
                    .timeout(config.fetchTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            if (response.statusCode() / 100 != 2) {
                return Refusal.badParam("(#100) Media download has failed: " + param + " answered "
                        + response.statusCode());
            }
            if (!contentType.startsWith(kind) && !contentType.startsWith("application/octet-stream")) {
                return Refusal.badParam("(#100) Param " + param + " is " + contentType + ", not " + kind + "*");
            }
            byte[] bytes = response.body();
            return new HeldMedia(Ids.next(), contentType, bytes.length, Tokens.sha256(bytes), url.strip(),
                    blankToNull(altText));
        } catch (IllegalArgumentException e) {
            return Refusal.badParam("(#100) Param " + param + " is not a URL");
        } catch (IOException e) {
            return Refusal.badParam("(#100) Media download has failed: " + param + " could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Refusal.badParam("(#100) Media download has failed");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
