package org.clearpost.sandbox.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.Tokens;
import org.clearpost.sandbox.youtube.YouTubeUploads.Metadata;
import org.clearpost.sandbox.youtube.YouTubeUploads.Session;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code videos.insert} as a resumable upload, as googleapis.com runs it. {@code POST
 * /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status} with the video resource as JSON and
 * {@code X-Upload-Content-Length} / {@code X-Upload-Content-Type} opens a session: 200 with its URI in
 * {@code Location} ({@code ...&upload_id=...}). {@code PUT <session>} sends bytes, the whole file or a chunk with
 * {@code Content-Range: bytes first-last/total}: 308 Resume Incomplete with {@code Range: bytes=0-N} while bytes are
 * missing, 200 with the video resource once the last byte is in. {@code PUT <session>} with an empty body and
 * {@code Content-Range: bytes *}{@code /total} asks what the server has: the same two answers. Each insert costs 1,600
 * quota units (403 {@code quotaExceeded} once the day's upload quota is spent); errors in Google's shape.
 */
@Path("/upload/youtube/v3/videos")
@Tag(name = "YouTube Data API v3", description = "videos.insert (resumable upload)")
public class YouTubeUploadResource {

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d+|\\*)");
    private static final Set<String> PRIVACY = Set.of("public", "private", "unlisted");
    private static final int MAX_TITLE = 100;
    private static final int MAX_DESCRIPTION_BYTES = 5000;

    private final YouTubeUploads uploads;
    private final AccessGrants grants;
    private final PublishFaults faults;
    private final ObjectMapper mapper;

    YouTubeUploadResource(YouTubeUploads uploads, AccessGrants grants, PublishFaults faults, ObjectMapper mapper) {
        this.uploads = uploads;
        this.grants = grants;
        this.faults = faults;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response initiate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("uploadType") String uploadType, @QueryParam("part") String part,
            @HeaderParam("X-Upload-Content-Length") String length,
            @HeaderParam("X-Upload-Content-Type") String contentType, @Context UriInfo uri, String body) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        Optional<String> refusal = grants.refusal(Network.YOUTUBE, token.orElse(null));
        if (refusal.isPresent()) {
            return YouTubeErrors.unauthenticated(mapper, refusal.get());
        }
        if (!"resumable".equals(uploadType)) {
            return badRequest("The sandbox takes uploadType=resumable only", "global", "invalidParameter");
        }
        if (part == null || !List.of(part.split(",")).containsAll(List.of("snippet", "status"))) {
            return badRequest("part must name snippet and status", "youtube.part", "unknownPart");
        }
        long total;
        try {
            total = Long.parseLong(length == null ? "" : length.strip());
        } catch (NumberFormatException e) {
            return badRequest("X-Upload-Content-Length must be the video's size in bytes (the sandbox requires it)",
                    "global", "invalidParameter");
        }
        if (total <= 0) {
            return badRequest("The video is empty", "youtube.video", "mediaBodyRequired");
        }
        if (contentType == null || !(contentType.startsWith("video/")
                || contentType.equals(MediaType.APPLICATION_OCTET_STREAM))) {
            return badRequest("X-Upload-Content-Type must be video/* or application/octet-stream",
                    "youtube.video", "invalidContentType");
        }
        JsonNode video;
        try {
            video = mapper.readTree(body == null ? "" : body);
        } catch (IOException e) {
            video = null;
        }
        if (video == null || !video.isObject()) {
            return badRequest("The request body must be a video resource (JSON)", "global", "parseError");
        }
        String title = video.path("snippet").path("title").asText("");
        String description = video.path("snippet").path("description").asText("");
        String privacy = video.path("status").path("privacyStatus").asText("public");
        if (title.isBlank()) {
            return badRequest("The request metadata does not specify a video title.", "youtube.video",
                    "invalidTitle");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE || title.contains("<") || title.contains(">")) {
            return badRequest("The request metadata specifies an invalid video title.", "youtube.video",
                    "invalidTitle");
        }
        if (description.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES
                || description.contains("<") || description.contains(">")) {
            return badRequest("The request metadata specifies an invalid video description.", "youtube.video",
                    "invalidDescription");
        }
        if (!PRIVACY.contains(privacy)) {
            return badRequest("The request metadata specifies an invalid privacy status.", "youtube.video",
                    "invalidVideoMetadata");
        }
        if (!uploads.spendInsertQuota()) {
            return YouTubeErrors.error(mapper, 403, "The request cannot be completed because you have exceeded your "
                    + "<a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "youtube.quota", "quotaExceeded");
        }
        Metadata metadata = new Metadata(title, description, video.path("snippet").path("categoryId").asText("22"),
                privacy);
        Session session = uploads.open(Tokens.fingerprint(token.get()), metadata, total, contentType);
        URI location = uri.getRequestUriBuilder().replaceQueryParam("upload_id", session.uploadId()).build();
        return Response.ok().header(HttpHeaders.LOCATION, location).header("X-GUploader-UploadID",
                session.uploadId()).build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("upload_id") String uploadId, @HeaderParam("Content-Range") String contentRange,
            @Context HttpServerRequest request, byte[] body) {
        Optional<String> refusal = grants.refusal(Network.YOUTUBE,
                Tokens.fromAuthorization(authorization, "Bearer").orElse(null));
        if (refusal.isPresent()) {
            return YouTubeErrors.unauthenticated(mapper, refusal.get());
        }
        Optional<Session> found = uploadId == null ? Optional.empty() : uploads.session(uploadId);
        if (found.isEmpty()) {
            return YouTubeErrors.error(mapper, 404, "No upload session " + uploadId + ": start a new upload",
                    "global", "notFound");
        }
        Session session = found.get();
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length == 0 && (contentRange == null || STATUS_QUERY.matcher(contentRange.strip()).matches())) {
            return state(session);
        }
        long start = 0;
        if (contentRange != null) {
            Matcher m = RANGE.matcher(contentRange.strip());
            if (!m.matches() || Long.parseLong(m.group(3)) != session.total()
                    || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != bytes.length) {
                return badRequest("Content-Range " + contentRange + " does not match the body or the session's "
                        + session.total() + " bytes", "global", "badContent");
            }
            start = Long.parseLong(m.group(1));
        }
        if (session.video().isPresent()) {
            return state(session);
        }
        if (start != session.received()) {
            // The caller must resume from what the server has, not from what it believes it sent.
            return badRequest("The chunk starts at byte " + start + " but the server has " + session.received()
                    + " bytes: ask with Content-Range: bytes */" + session.total(), "global", "badContent");
        }
        if (start + bytes.length > session.total()) {
            return badRequest("More bytes than X-Upload-Content-Length announced", "global", "badContent");
        }
        YouTubeUploads.Chunk chunk = uploads.append(session, start, bytes, contentRange);
        if (chunk.interrupted()) {
            // The armed test fault: the connection breaks part-way through the chunk. Wait until it is closed, so
            // that the answer returned below can never reach the client first.
            java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
            request.connection().closeHandler(v -> closed.countDown());
            request.connection().close();
            try {
                closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.serverError().build();
        }
        if (chunk.completedNow()) {
            faults.afterAccept(Network.YOUTUBE, request);
        }
        return state(session);
    }

    /** 200 with the video once complete; else 308 with the bytes the server has (no Range when it has none). */
    private Response state(Session session) {
        if (session.video().isPresent()) {
            return YouTubeErrors.json(mapper, Response.ok(), resource(session.video().get()));
        }
        Response.ResponseBuilder incomplete = Response.status(308);
        if (session.received() > 0) {
            incomplete.header("Range", "bytes=0-" + (session.received() - 1));
        }
        return incomplete.build();
    }

    static Map<String, Object> resource(YouTubeUploads.Video video) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("publishedAt", video.publishedAt().toString());
        snippet.put("channelId", video.channelId());
        snippet.put("title", video.metadata().title());
        snippet.put("description", video.metadata().description());
        snippet.put("categoryId", video.metadata().categoryId());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("uploadStatus", "uploaded");
        status.put("privacyStatus", video.metadata().privacyStatus());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("kind", "youtube#video");
        resource.put("etag", video.sha256().substring(0, 27));
        resource.put("id", video.id());
        resource.put("snippet", snippet);
        resource.put("status", status);
        return resource;
    }

    private Response badRequest(String message, String domain, String reason) {
        return YouTubeErrors.error(mapper, 400, message, domain, reason);
    }
}
