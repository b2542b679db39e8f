package org.clearpost.sandbox.soundcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The SoundCloud API ({@code api.soundcloud.com}) under {@code /soundcloud}: track upload ({@code POST /tracks},
 * multipart {@code track[title]}, {@code track[description]}, {@code track[sharing]}, {@code track[asset_data]}),
 * the token's user and tracks ({@code GET /me}, {@code /me/tracks}), a track, and its comments
 * ({@code POST|GET /tracks/{id}/comments}). The token as {@code Authorization: OAuth <token>} (SoundCloud's scheme)
 * or {@code Bearer}.
 */
@Path("/soundcloud")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SoundCloud API", description = "Track upload, the user's tracks and comments, as api.soundcloud.com")
public class SoundCloudApiResource {

    private static final Logger LOG = Logger.getLogger(SoundCloudApiResource.class);
    /** Longest title SoundCloud shows in full; longer ones are refused here so a connector must cut them itself. */
    static final int MAX_TITLE = 100;
    private static final Set<String> SHARING = Set.of("public", "private");

    private final SoundCloudStore store;
    private final AccessGrants grants;
    private final PublishFaults faults;
    private final ObjectMapper mapper;

    SoundCloudApiResource(SoundCloudStore store, AccessGrants grants, PublishFaults faults, ObjectMapper mapper) {
        this.store = store;
        this.grants = grants;
        this.faults = faults;
        this.mapper = mapper;
    }

    /** Uploads a track: 201 with the track ({@code id}, {@code permalink_url}, {@code original_content_size}...). */
    @POST
    @Path("/tracks")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @RestForm("track[title]") String title, @RestForm("track[description]") String description,
            @RestForm("track[sharing]") String sharing, @RestForm("track[asset_data]") FileUpload asset)
            throws IOException {
        Optional<String> fingerprint = fingerprint(headers);
        if (fingerprint.isEmpty()) {
            return unauthorized(headers);
        }
        if (title == null || title.isBlank()) {
            return error(422, "track[title] is required");
        }
        if (title.length() > MAX_TITLE) {
            return error(422, "track[title] is too long (maximum is " + MAX_TITLE + " characters)");
        }
        if (asset == null) {
            return error(422, "track[asset_data] is required: the audio file");
        }
        String type = asset.contentType() == null ? "application/octet-stream" : asset.contentType();
        if (!type.startsWith("audio/") && !type.startsWith("application/octet-stream")) {
            return error(422, "track[asset_data] is " + type + ", not an audio file");
        }
        String share = sharing == null || sharing.isBlank() ? "public" : sharing.strip();
        if (!SHARING.contains(share)) {
            return error(422, "track[sharing] must be public or private");
        }
        byte[] bytes = Files.readAllBytes(asset.uploadedFile());
        if (bytes.length == 0) {
            return error(422, "track[asset_data] is empty");
        }
        Map<String, Object> track = store.addTrack(fingerprint.get(), title, description, share, asset.fileName(),
                type, bytes);
        LOG.infof("Held SoundCloud track %s", track.get("id"));
        faults.afterAccept(Network.SOUNDCLOUD, request);
        return Response.status(201).entity(track).build();
    }

    @GET
    @Path("/me")
    public Response me(@Context HttpHeaders headers) {
        return fingerprint(headers).map(f -> Response.ok(SoundCloudStore.user(f)).build())
                .orElseGet(() -> unauthorized(headers));
    }

    /**
     * The token's tracks, newest first: a JSON array, or with {@code linked_partitioning=true}
     * {@code {"collection": [...], "next_href": null}}.
     */
    @GET
    @Path("/me/tracks")
    public Response myTracks(@Context HttpHeaders headers, @QueryParam("limit") Integer limit,
            @QueryParam("linked_partitioning") String linkedPartitioning) {
        Optional<String> fingerprint = fingerprint(headers);
        if (fingerprint.isEmpty()) {
            return unauthorized(headers);
        }
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > 200) {
            return error(400, "limit must be between 1 and 200");
        }
        List<Map<String, Object>> tracks = store.tracksOf(fingerprint.get()).stream().limit(max).toList();
        if ("true".equalsIgnoreCase(linkedPartitioning)) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("collection", tracks);
            page.put("next_href", null);
            return Response.ok(page).build();
        }
        return Response.ok(tracks).build();
    }

    @GET
    @Path("/tracks/{id}")
    public Response track(@PathParam("id") String id, @Context HttpHeaders headers) {
        if (fingerprint(headers).isEmpty()) {
            return unauthorized(headers);
        }
        return store.track(id).map(t -> Response.ok(t).build()).orElseGet(() -> error(404, "404 - Not Found"));
    }

    /** Comments on a track: {@code comment[body]} as a form field, or JSON {@code {"comment": {"body": ...}}}. */
    @POST
    @Path("/tracks/{id}/comments")
    public Response comment(@PathParam("id") String id, @Context HttpHeaders headers,
            @Context HttpServerRequest request, String body) {
        Optional<String> fingerprint = fingerprint(headers);
        if (fingerprint.isEmpty()) {
            return unauthorized(headers);
        }
        String text = commentBody(headers.getMediaType(), body);
        if (text == null || text.isBlank()) {
            return error(422, "comment[body] is required");
        }
        Optional<Map<String, Object>> comment = store.addComment(fingerprint.get(), id, text);
        if (comment.isEmpty()) {
            return error(404, "404 - Not Found");
        }
        faults.afterAccept(Network.SOUNDCLOUD, request);
        return Response.status(201).entity(comment.get()).build();
    }

    @GET
    @Path("/tracks/{id}/comments")
    public Response comments(@PathParam("id") String id, @Context HttpHeaders headers) {
        if (fingerprint(headers).isEmpty()) {
            return unauthorized(headers);
        }
        return store.commentsOf(id).map(c -> Response.ok(c).build()).orElseGet(() -> error(404, "404 - Not Found"));
    }

    private String commentBody(MediaType type, String body) {
        if (body == null || body.isBlank() || type == null) {
            return null;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "comment[body]".equals(URLDecoder.decode(pair.substring(0, eq),
                        StandardCharsets.UTF_8))) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
        try {
            return mapper.readTree(body).path("comment").path("body").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<String> fingerprint(HttpHeaders headers) {
        return Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION), "OAuth", "Bearer")
                .filter(token -> grants.refusal(Network.SOUNDCLOUD, token).isEmpty())
                .map(Tokens::fingerprint);
    }

    private Response unauthorized(HttpHeaders headers) {
        String why = grants.refusal(Network.SOUNDCLOUD, Tokens.fromAuthorization(
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), "OAuth", "Bearer").orElse(null)).orElse("refused");
        return error(401, "invalid_token: " + why);
    }

    /** SoundCloud's error body: {@code {"code", "message", "link", "status", "errors": [{"error_message"}]}}. */
    private static Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("message", message);
        body.put("link", "https://developers.soundcloud.com/docs/api/explorer/open-api");
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("status", status + " - " + (known != null ? known.getReasonPhrase() : "Unprocessable Entity"));
        body.put("errors", List.of(Map.of("error_message", message)));
        body.put("error", null);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
