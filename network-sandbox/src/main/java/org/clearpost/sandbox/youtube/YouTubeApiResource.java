package org.clearpost.sandbox.youtube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * YouTube Data API v3 {@code commentThreads.list} for one channel, as googleapis.com answers it: {@code part}
 * (must include {@code snippet}), {@code allThreadsRelatedToChannelId}, {@code order} ({@code time}; {@code relevance}
 * is served in the same order here), {@code maxResults} 1-100 (default 20), {@code pageToken}, {@code textFormat}
 * ({@code html} default, or {@code plainText}), the API key as {@code key} or an OAuth bearer token. Each call costs one
 * quota unit; once the day's quota is spent: 403 {@code quotaExceeded}. Errors in Google's {@code {"error":{...}}} shape.
 */
@Path("/youtube/v3/commentThreads")
@Tag(name = "YouTube Data API v3", description = "commentThreads.list of the sandbox channel")
public class YouTubeApiResource {

    private static final String JSON = "application/json; charset=UTF-8";

    private final YouTubeFirehose firehose;
    private final YouTubeSandboxConfig config;
    private final ObjectMapper mapper;

    YouTubeApiResource(YouTubeFirehose firehose, YouTubeSandboxConfig config, ObjectMapper mapper) {
        this.firehose = firehose;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("key") String key,
            @QueryParam("part") String part, @QueryParam("allThreadsRelatedToChannelId") String channel,
            @QueryParam("order") String order, @QueryParam("maxResults") String maxResults,
            @QueryParam("pageToken") String pageToken, @QueryParam("textFormat") String textFormat) {
        boolean bearer = Tokens.fromAuthorization(authorization, "Bearer").isPresent();
        if (!bearer && (key == null || key.isBlank())) {
            return error(403, "The request is missing a valid API key.", "global", "forbidden", null);
        }
        if (!bearer && !key.equals(config.apiKey())) {
            return error(400, "API key not valid. Please pass a valid API key.", "global", "badRequest", null);
        }
        if (!firehose.spendQuota(1)) {
            return error(403, "The request cannot be completed because you have exceeded your "
                    + "<a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "youtube.quota", "quotaExceeded", null);
        }
        if (part == null || part.isBlank()) {
            return error(400, "Required parameter: part", "global", "required", "part");
        }
        if (!List.of(part.split(",")).contains("snippet")) {
            return error(400, "'" + part + "'", "youtube.part", "unknownPart", "part");
        }
        if (channel == null || channel.isBlank()) {
            return error(400, "No filter selected. Expected one of: allThreadsRelatedToChannelId, id, videoId",
                    "youtube.parameter", "missingRequiredParameter", null);
        }
        if (!channel.equals(config.channelId())) {
            return error(404, "The channel identified by the <code>allThreadsRelatedToChannelId</code> parameter "
                    + "could not be found.", "youtube.commentThread", "channelNotFound", "allThreadsRelatedToChannelId");
        }
        if (order != null && !order.equals("time") && !order.equals("relevance")) {
            return error(400, "Invalid value for order: " + order, "youtube.parameter", "invalidParameter", "order");
        }
        int max;
        try {
            max = maxResults == null ? 20 : Integer.parseInt(maxResults);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 100) {
            return error(400, "Invalid value '" + maxResults + "'. Values must be within the range: [1, 100]",
                    "youtube.parameter", "invalidParameter", "maxResults");
        }
        Long below = null;
        if (pageToken != null && !pageToken.isBlank()) {
            below = decode(pageToken);
            if (below == null) {
                return error(400, "The request specifies an invalid page token.", "youtube.parameter",
                        "invalidPageToken", "pageToken");
            }
        }
        List<Map.Entry<Long, String>> page = firehose.page(below, max);
        boolean plain = "plainText".equals(textFormat);
        String items = page.stream().map(e -> plain ? plainText(e.getValue()) : e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
        boolean more = !page.isEmpty() && !firehose.page(page.get(page.size() - 1).getKey(), 1).isEmpty();
        StringBuilder body = new StringBuilder("{\"kind\":\"youtube#commentThreadListResponse\",\"etag\":\"sandbox-")
                .append(page.isEmpty() ? "empty" : page.get(0).getKey()).append('"');
        if (more) {
            body.append(",\"nextPageToken\":\"").append(encode(page.get(page.size() - 1).getKey())).append('"');
        }
        body.append(",\"pageInfo\":{\"totalResults\":").append(page.size()).append(",\"resultsPerPage\":")
                .append(max).append("},\"items\":").append(items).append('}');
        return Response.ok(body.toString()).type(JSON).build();
    }

    /** textFormat=plainText: textDisplay holds the text as written rather than HTML. */
    private String plainText(String thread) {
        try {
            JsonNode root = mapper.readTree(thread);
            ObjectNode snippet = (ObjectNode) root.path("snippet").path("topLevelComment").path("snippet");
            snippet.put("textDisplay", snippet.path("textOriginal").asText());
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException | ClassCastException e) {
            return thread;
        }
    }

    private static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return s.startsWith("p") ? Long.parseLong(s.substring(1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Response error(int code, String message, String domain, String reason, String location) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", message);
        detail.put("domain", domain);
        detail.put("reason", reason);
        if (location != null) {
            detail.put("location", location);
            detail.put("locationType", "parameter");
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("errors", List.of(detail));
        try {
            return Response.status(code).type(JSON).entity(mapper.writeValueAsString(Map.of("error", error))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
