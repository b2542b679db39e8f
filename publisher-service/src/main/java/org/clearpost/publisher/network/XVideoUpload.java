package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.clearpost.events.MediaItem;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * X's chunked media upload for a video, in the v2 shape docs.x.com gives today: {@code POST
 * /2/media/upload/initialize} (JSON {@code media_type}, {@code total_bytes}, {@code media_category=tweet_video}),
 * {@code POST /2/media/upload/{id}/append} per chunk (multipart {@code media}, {@code segment_index}), {@code POST
 * /2/media/upload/{id}/finalize}, then {@code GET /2/media/upload?command=STATUS&media_id={id}} while
 * {@code processing_info.state} is {@code pending} or {@code in_progress}, waiting the {@code check_after_secs} X asks
 * for. The media id goes on the post only once processing succeeded. Nothing is public during any of it, so every
 * call may be tried again ({@link NetworkHttp#exchangeBeforePosting}).
 */
final class XVideoUpload {

    /** X takes segments of up to 5 MB; 4 MiB leaves room for the multipart framing. */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;
    /** Longest the publisher waits for X to process one video before trying the step again later. */
    static final Duration MAX_PROCESSING_WAIT = Duration.ofMinutes(5);
    /** A check_after_secs larger than this is not waited for in one go (a wrong value must not stall a worker). */
    private static final long MAX_CHECK_AFTER_SECS = 30;

    private final NetworkHttp http;
    private final Function<String, HttpRequest.Builder> authorized;
    private final BiFunction<HttpResponse<String>, String, PublishResult> refusal;

    /**
     * @param authorized a request to a path of X's API with the account's token
     * @param refusal    what a non-2xx answer means, given the answer and what was refused
     */
    XVideoUpload(NetworkHttp http, Function<String, HttpRequest.Builder> authorized,
            BiFunction<HttpResponse<String>, String, PublishResult> refusal) {
        this.http = http;
        this.authorized = authorized;
        this.refusal = refusal;
    }

    /** Uploads the video and waits until X has processed it; answers its media id. */
    String upload(MediaItem item, byte[] bytes) throws CallFailed {
        String what = "video " + item.mediaId();
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("media_type", item.contentType());
        init.put("total_bytes", bytes.length);
        init.put("media_category", "tweet_video");
        JsonNode started = call(authorized.apply("/2/media/upload/initialize")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(init))), "the upload of " + what);
        String id = started.path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("X answered the upload of " + what + " without a media id",
                    null));
        }
        for (int segment = 0, from = 0; from < bytes.length; segment++, from += CHUNK_BYTES) {
            Multipart chunk = new Multipart()
                    .field("segment_index", Integer.toString(segment))
                    .file("media", "chunk-" + segment, "application/octet-stream",
                            Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES)));
            call(authorized.apply("/2/media/upload/" + id + "/append")
                    .header("Content-Type", chunk.contentType()).POST(chunk.publisher()),
                    "segment " + segment + " of " + what);
        }
        JsonNode finished = call(authorized.apply("/2/media/upload/" + id + "/finalize")
                .POST(HttpRequest.BodyPublishers.noBody()), "the end of the upload of " + what);
        awaitProcessing(id, finished.path("data").path("processing_info"), what);
        return id;
    }

    private void awaitProcessing(String id, JsonNode info, String what) throws CallFailed {
        Instant deadline = Instant.now().plus(MAX_PROCESSING_WAIT);
        while (true) {
            String state = info.path("state").asText("succeeded");
            if (state.equals("failed")) {
                JsonNode error = info.path("error");
                throw new CallFailed(new PublishResult.Failed("X could not process " + what + ": "
                        + NetworkHttp.message(error.path("message").asText(null), error.toString()) + " (code "
                        + error.path("code").asText("none") + ", " + error.path("name").asText("no name") + ")",
                        null));
            }
            if (!state.equals("pending") && !state.equals("in_progress")) {
                return;
            }
            long wait = Math.max(1, Math.min(MAX_CHECK_AFTER_SECS, info.path("check_after_secs").asLong(1)));
            if (Instant.now().plusSeconds(wait).isAfter(deadline)) {
                throw new CallFailed(new PublishResult.Retry("X was still processing " + what + " after "
                        + MAX_PROCESSING_WAIT.toMinutes() + " minutes", null));
            }
            try {
                Thread.sleep(wait * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallFailed(new PublishResult.Retry("the service stopped while X processed " + what, null));
            }
            info = call(authorized.apply("/2/media/upload?command=STATUS&media_id=" + id).GET(),
                    "the processing status of " + what).path("data").path("processing_info");
        }
    }

    private JsonNode call(HttpRequest.Builder request, String what) throws CallFailed {
        HttpResponse<String> response = http.exchangeBeforePosting("X", request);
        if (response.statusCode() / 100 != 2) {
            throw new CallFailed(refusal.apply(response, what));
        }
        return http.json(response.body());
    }
}
