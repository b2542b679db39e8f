package org.clearpost.sandbox.youtube;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code search.list} with {@code forMine=true&type=video}: the videos the token's channel uploaded here, newest
 * first ({@code order=date}), as {@code youtube#searchResult} items with {@code id.videoId} and the snippet. What a
 * look-up of recent uploads reads.
 */
@Path("/youtube/v3/search")
@Tag(name = "YouTube Data API v3", description = "search.list forMine=true")
public class YouTubeSearchResource {

    private final YouTubeUploads uploads;
    private final AccessGrants grants;
    private final ObjectMapper mapper;

    YouTubeSearchResource(YouTubeUploads uploads, AccessGrants grants, ObjectMapper mapper) {
        this.uploads = uploads;
        this.grants = grants;
        this.mapper = mapper;
    }

    @GET
    public Response search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("part") String part, @QueryParam("forMine") String forMine, @QueryParam("type") String type,
            @QueryParam("maxResults") String maxResults) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        Optional<String> refusal = grants.refusal(Network.YOUTUBE, token.orElse(null));
        if (refusal.isPresent()) {
            return YouTubeErrors.unauthenticated(mapper, refusal.get());
        }
        if (!"snippet".equals(part)) {
            return YouTubeErrors.error(mapper, 400, "part must be snippet", "youtube.part", "unknownPart");
        }
        if (!"true".equals(forMine) || !"video".equals(type)) {
            return YouTubeErrors.error(mapper, 400, "The sandbox serves forMine=true&type=video only",
                    "youtube.search", "invalidSearchFilter");
        }
        int max;
        try {
            max = maxResults == null ? 5 : Integer.parseInt(maxResults);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 0 || max > 50) {
            return YouTubeErrors.error(mapper, 400, "Invalid value '" + maxResults + "'. Values must be within the "
                    + "range: [0, 50]", "youtube.parameter", "invalidParameter");
        }
        List<YouTubeUploads.Video> videos = uploads.videosOf(YouTubeUploads.channelOf(Tokens.fingerprint(token.get())));
        List<Map<String, Object>> items = videos.stream().limit(max).map(YouTubeSearchResource::item).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "youtube#searchListResponse");
        body.put("etag", "sandbox-" + videos.size());
        body.put("pageInfo", Map.of("totalResults", videos.size(), "resultsPerPage", max));
        body.put("items", items);
        return YouTubeErrors.json(mapper, Response.ok(), body);
    }

    private static Map<String, Object> item(YouTubeUploads.Video video) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("publishedAt", video.publishedAt().toString());
        snippet.put("channelId", video.channelId());
        snippet.put("title", video.metadata().title());
        snippet.put("description", video.metadata().description());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", "youtube#searchResult");
        item.put("id", Map.of("kind", "youtube#video", "videoId", video.id()));
        item.put("snippet", snippet);
        return item;
    }
}
