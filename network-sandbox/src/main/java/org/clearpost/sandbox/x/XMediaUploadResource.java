package org.clearpost.sandbox.x;

import static org.clearpost.sandbox.x.XResponses.bearer;
import static org.clearpost.sandbox.x.XResponses.invalidRequest;
import static org.clearpost.sandbox.x.XResponses.tooManyRequests;
import static org.clearpost.sandbox.x.XResponses.unauthorized;
import static org.clearpost.sandbox.x.XResponses.withRate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * X API v2 chunked media upload, as docs.x.com describes it: {@code POST /2/media/upload/initialize} (JSON
 * {@code media_type}, {@code total_bytes}, {@code media_category}), {@code POST /2/media/upload/{id}/append}
 * (multipart {@code media} and {@code segment_index} 0-999, at most 5 MB each), {@code POST
 * /2/media/upload/{id}/finalize} and {@code GET /2/media/upload?command=STATUS&media_id=}. A video is processed after
 * finalize ({@code processing_info.state} pending, then in_progress, then succeeded: see {@link XVideoUploads}) and
 * can go on a post only once it has succeeded, as on X.
 */
@Path("/2")
@Tag(name = "X API v2 chunked media upload", description = "initialize, append, finalize and STATUS, as api.x.com")
public class XMediaUploadResource {

    private static final Set<String> MEDIA_CATEGORIES = Set.of("tweet_image", "tweet_gif", "tweet_video",
            "amplify_video", "dm_image", "dm_gif", "dm_video", "subtitles");
    private static final int EXPIRES_AFTER_SECS = 86_400;
    /** The sandbox processes on polls, not time: one second keeps a publisher's wait short and honest. */
    private static final int CHECK_AFTER_SECS = 1;

    private final XVideoUploads uploads;
    private final RateLimits limits;
    private final ObjectMapper mapper;

    XMediaUploadResource(XVideoUploads uploads, RateLimits limits, ObjectMapper mapper) {
        this.uploads = uploads;
        this.limits = limits;
        this.mapper = mapper;
    }

    @POST
    @Path("/media/upload/initialize")
    public Response initialize(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/media/upload/initialize", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        JsonNode json = parse(body);
        String mediaType = json.path("media_type").asText("");
        long totalBytes = json.path("total_bytes").asLong(-1);
        String category = json.path("media_category").isTextual() ? json.path("media_category").asText() : null;
        if (!mediaType.matches("[a-z]+/[a-z0-9.+-]+")) {
            return withRate(invalidRequest("media_type", mediaType, "The `media_type` field is required."), rate);
        }
        if (totalBytes <= 0 || totalBytes > XVideoUploads.MAX_TOTAL_BYTES) {
            return withRate(invalidRequest("total_bytes", json.path("total_bytes").asText(),
                    "The `total_bytes` field must be between 1 and " + XVideoUploads.MAX_TOTAL_BYTES + "."), rate);
        }
        if (category != null && !MEDIA_CATEGORIES.contains(category)) {
            return withRate(invalidRequest("media_category", category,
                    "The `media_category` field must be one of " + MEDIA_CATEGORIES + "."), rate);
        }
        XVideoUploads.Upload upload = uploads.initialize(fingerprint, mediaType, totalBytes, category);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", upload.id);
        data.put("media_key", upload.mediaKey());
        data.put("expires_after_secs", EXPIRES_AFTER_SECS);
        return withRate(Response.ok(Map.of("data", data)), rate);
    }

    @POST
    @Path("/media/upload/{id}/append")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response append(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @RestForm("media") FileUpload media, @RestForm("segment_index") String segmentIndex) throws IOException {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/media/upload/:id/append", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        Optional<XVideoUploads.Upload> upload = uploads.find(fingerprint, id);
        if (upload.isEmpty() || upload.get().state != null) {
            return withRate(invalidRequest("id", id, "Your media IDs are invalid."), rate);
        }
        int index;
        try {
            index = Integer.parseInt(segmentIndex == null ? "" : segmentIndex.strip());
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index > 999) {
            return withRate(invalidRequest("segment_index", segmentIndex,
                    "The `segment_index` field must be between 0 and 999."), rate);
        }
        if (media == null) {
            return withRate(invalidRequest("media", null, "The `media` field is required."), rate);
        }
        if (media.size() > XVideoUploads.MAX_SEGMENT_BYTES) {
            return withRate(invalidRequest("media", null, "A segment must be at most "
                    + XVideoUploads.MAX_SEGMENT_BYTES + " bytes."), rate);
        }
        uploads.append(upload.get(), index, Files.readAllBytes(media.uploadedFile()));
        return withRate(Response.ok(Map.of("data", Map.of("expires_at",
                Instant.now().plusSeconds(EXPIRES_AFTER_SECS).getEpochSecond()))), rate);
    }

    @POST
    @Path("/media/upload/{id}/finalize")
    public Response finalizeUpload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("POST /2/media/upload/:id/finalize", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        Optional<XVideoUploads.Upload> upload = uploads.find(fingerprint, id);
        if (upload.isEmpty() || upload.get().state != null) {
            return withRate(invalidRequest("id", id, "Your media IDs are invalid."), rate);
        }
        if (upload.get().received() != upload.get().totalBytes) {
            return withRate(invalidRequest("id", id, "Segments do not add up to provided total file size ("
                    + upload.get().received() + " of " + upload.get().totalBytes + " bytes)."), rate);
        }
        uploads.finalizeUpload(upload.get());
        return withRate(Response.ok(Map.of("data", data(upload.get()))), rate);
    }

    @GET
    @Path("/media/upload")
    public Response status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("command") String command, @QueryParam("media_id") String mediaId) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return unauthorized();
        }
        String fingerprint = Tokens.fingerprint(token.get());
        Decision rate = limits.x("GET /2/media/upload", fingerprint);
        if (!rate.allowed()) {
            return tooManyRequests(rate);
        }
        if (command != null && !"STATUS".equals(command)) {
            return withRate(invalidRequest("command", command, "The `command` query parameter must be STATUS."),
                    rate);
        }
        Optional<XVideoUploads.Upload> upload = mediaId == null ? Optional.empty() : uploads.find(fingerprint, mediaId);
        if (upload.isEmpty() || upload.get().state == null && upload.get().processed()) {
            return withRate(invalidRequest("media_id", mediaId, "Your media IDs are invalid."), rate);
        }
        uploads.poll(upload.get());
        return withRate(Response.ok(Map.of("data", data(upload.get()))), rate);
    }

    private static Map<String, Object> data(XVideoUploads.Upload upload) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", upload.id);
        data.put("media_key", upload.mediaKey());
        data.put("size", upload.totalBytes);
        data.put("expires_after_secs", EXPIRES_AFTER_SECS);
        if (upload.state != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("state", upload.state);
            if (!"succeeded".equals(upload.state)) {
                info.put("check_after_secs", CHECK_AFTER_SECS);
            }
            info.put("progress_percent", switch (upload.state) {
                case "pending" -> 0;
                case "in_progress" -> 50;
                default -> 100;
            });
            data.put("processing_info", info);
        }
        return data;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
