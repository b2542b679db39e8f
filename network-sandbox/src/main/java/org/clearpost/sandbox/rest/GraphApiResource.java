package org.clearpost.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.clearpost.sandbox.facebook.GraphUsageHeaders;
import org.clearpost.sandbox.metrics.GraphResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Graph API {@code POST /{page-id}/feed}, {@code /{page-id}/photos}, {@code /{page-id}/videos} and
 * {@code /{object-id}/comments}, with or without a version prefix. Each answer carries Graph's usage headers
 * ({@link GraphUsageHeaders}); a publishing call honours an armed drop-after-accept fault ({@link PublishFaults}). Like Graph, parameters may come in the
 * query string, a urlencoded or multipart form, or a JSON body, and the token as {@code access_token} or in an
 * {@code Authorization: Bearer|OAuth} header.
 */
@Path("/")
@Tag(name = "Facebook Graph API", description = "Page feed, photos and comments, as graph.facebook.com answers them")
public class GraphApiResource {

    private static final Logger LOG = Logger.getLogger(GraphApiResource.class);
    private static final String VERSIONED = "{version: v[0-9]+\\.[0-9]+}/{pageId}/feed";
    private static final String UNVERSIONED = "{pageId}/feed";
    private static final String VERSIONED_PHOTOS = "{version: v[0-9]+\\.[0-9]+}/{pageId}/photos";
    private static final String UNVERSIONED_PHOTOS = "{pageId}/photos";

    private final PostStore store;
    private final RateLimits limits;
    private final ObjectMapper mapper;
    private final PublishFaults faults;
    // The request being answered (a request-scoped proxy), for the drop-after-accept fault.
    private final HttpServerRequest request;

    GraphApiResource(PostStore store, RateLimits limits, ObjectMapper mapper, PublishFaults faults,
            HttpServerRequest request) {
        this.faults = faults;
        this.request = request;
        this.store = store;
        this.limits = limits;
        this.mapper = mapper;
    }

    @POST
    @Path(VERSIONED)
    public Response feedVersioned(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        return feed(pageId, headers, uri, body);
    }

    @POST
    @Path(UNVERSIONED)
    public Response feed(@PathParam("pageId") String pageId, @Context HttpHeaders headers, @Context UriInfo uri,
            String body) {
        Map<String, String> params = queryParams(uri);
        params.putAll(bodyParams(headers.getMediaType(), body));
        return publish(pageId, headers, params);
    }

    // Multipart needs its own methods: the body is only readable through the form fields.
    @POST
    @Path(VERSIONED)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response feedVersionedMultipart(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestForm String message, @RestForm String link,
            @RestForm("access_token") String accessToken) {
        return feedMultipart(pageId, headers, uri, message, link, accessToken);
    }

    @POST
    @Path(UNVERSIONED)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response feedMultipart(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestForm String message, @RestForm String link,
            @RestForm("access_token") String accessToken) {
        Map<String, String> params = queryParams(uri);
        putIfPresent(params, "message", message);
        putIfPresent(params, "link", link);
        putIfPresent(params, "access_token", accessToken);
        return publish(pageId, headers, params);
    }

    private Response publish(String pageId, HttpHeaders headers, Map<String, String> params) {
        Authorized auth = authorize(headers, params);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        Decision usage = limits.facebookApp();
        String message = Tokens.nonBlank(params.get("message")).orElse(null);
        String link = Tokens.nonBlank(params.get("link")).orElse(null);
        List<String> attached = new ArrayList<>();
        for (int i = 0; params.containsKey("attached_media[" + i + "]"); i++) {
            String fbid = mediaFbid(params.get("attached_media[" + i + "]"));
            if (fbid == null) {
                return withUsage(graphError(400, "(#100) param attached_media[" + i + "] must be an object with "
                        + "media_fbid", 100, null, null), usage, pageId);
            }
            attached.add(fbid);
        }
        if (!attached.isEmpty()) {
            Optional<List<HeldMedia>> photos = store.unpublishedPhotos(auth.fingerprint(), attached);
            if (photos.isEmpty()) {
                return withUsage(graphError(400, "(#100) attached_media holds a media_fbid that is not an "
                        + "unpublished photo of this Page", 100, null, null), usage, pageId);
            }
            HeldPost held = store.addPagePostWithPhotos(auth.fingerprint(), pageId, params.get("message"),
                    photos.get());
            LOG.infof("Held Facebook post %s with %d photos", held.id(), photos.get().size());
            faults.afterAccept(Network.FACEBOOK, request);
            return withUsage(Response.ok(Map.of("id", held.id())), usage, pageId);
        }
        if (message == null && link == null) {
            return withUsage(graphError(400, "(#100) Missing message or attachment", 100, null, null), usage,
                    pageId);
        }
        // The held text is the message as sent, untrimmed, so tests compare what the connector really sent.
        HeldPost held = store.addPagePost(auth.fingerprint(), pageId, message == null ? null : params.get("message"),
                link);
        LOG.infof("Held Facebook post %s for token %s", held.id(), XApiResource.shortFingerprint(auth.fingerprint()));
        faults.afterAccept(Network.FACEBOOK, request);
        return withUsage(Response.ok(Map.of("id", held.id())), usage, pageId);
    }

    /**
     * {@code POST /{page-id}/photos}: the photo as multipart {@code source} (or a {@code url} to fetch it from),
     * {@code message} (or {@code caption}), optional {@code alt_text_custom}. Published at once as a Page post:
     * {@code {"id": "<photo-id>", "post_id": "<page-id>_<post-id>"}}.
     */
    @POST
    @Path(VERSIONED_PHOTOS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response photosVersioned(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestForm("source") FileUpload source, @RestForm String url,
            @RestForm String message, @RestForm String caption, @RestForm("alt_text_custom") String altText,
            @RestForm String published, @RestForm("access_token") String accessToken) throws IOException {
        return photos(pageId, headers, uri, source, url, message, caption, altText, published, accessToken);
    }

    @POST
    @Path(UNVERSIONED_PHOTOS)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response photos(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestForm("source") FileUpload source, @RestForm String url,
            @RestForm String message, @RestForm String caption, @RestForm("alt_text_custom") String altText,
            @RestForm String published, @RestForm("access_token") String accessToken) throws IOException {
        Map<String, String> params = queryParams(uri);
        putIfPresent(params, "published", published);
        putIfPresent(params, "url", url);
        putIfPresent(params, "message", message);
        putIfPresent(params, "caption", caption);
        putIfPresent(params, "alt_text_custom", altText);
        putIfPresent(params, "access_token", accessToken);
        return photo(pageId, headers, params, source == null ? null
                : new Upload(source.contentType(), Files.readAllBytes(source.uploadedFile())));
    }

    /** A photo by {@code url}, in a urlencoded or JSON body or the query string. */
    @POST
    @Path(VERSIONED_PHOTOS)
    public Response photosByUrlVersioned(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        return photosByUrl(pageId, headers, uri, body);
    }

    @POST
    @Path(UNVERSIONED_PHOTOS)
    public Response photosByUrl(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        Map<String, String> params = queryParams(uri);
        params.putAll(bodyParams(headers.getMediaType(), body));
        return photo(pageId, headers, params, null);
    }

    private record Upload(String contentType, byte[] bytes) {
    }

    private Response photo(String pageId, HttpHeaders headers, Map<String, String> params, Upload upload) {
        Authorized auth = authorize(headers, params);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        Decision usage = limits.facebookApp();
        String url = Tokens.nonBlank(params.get("url")).orElse(null);
        if (upload == null && url == null) {
            return withUsage(graphError(400, "(#324) Requires upload file", 324, null, null), usage, pageId);
        }
        String photoId = Ids.next();
        HeldMedia photo = upload != null
                ? new HeldMedia(photoId, upload.contentType(), upload.bytes().length, Tokens.sha256(upload.bytes()),
                        null, params.get("alt_text_custom"))
                : new HeldMedia(photoId, null, 0, null, url, params.get("alt_text_custom"));
        if ("false".equalsIgnoreCase(params.get("published"))) {
            // Uploaded for a later feed post's attached_media: nothing is shown on the Page yet.
            store.addUnpublishedPhoto(auth.fingerprint(), photo);
            return withUsage(Response.ok(Map.of("id", photoId)), usage, pageId);
        }
        String message = params.get("message") != null ? params.get("message") : params.get("caption");
        HeldPost held = store.addPhoto(auth.fingerprint(), pageId, message, photo);
        LOG.infof("Held Facebook photo post %s for token %s", held.id(),
                XApiResource.shortFingerprint(auth.fingerprint()));
        faults.afterAccept(Network.FACEBOOK, request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", photoId);
        answer.put("post_id", held.id());
        return withUsage(Response.ok(answer), usage, pageId);
    }

    /**
     * {@code POST /{page-id}/videos}: the video as multipart {@code source}, with {@code description} (the post text)
     * and {@code title}; published at once on the Page: {@code {"id": "<video-id>"}}, seen at
     * {@code https://www.facebook.com/{page-id}/videos/{video-id}}. Graph also takes {@code file_url}; the sandbox
     * takes uploaded bytes only, which is what a publisher sends.
     */
    @POST
    @Path("{version: v[0-9]+\\.[0-9]+}/{pageId}/videos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response videosVersioned(@PathParam("pageId") String pageId, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestForm("source") FileUpload source, @RestForm String description,
            @RestForm String title, @RestForm("access_token") String accessToken) throws IOException {
        return videos(pageId, headers, uri, source, description, title, accessToken);
    }

    @POST
    @Path("{pageId}/videos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response videos(@PathParam("pageId") String pageId, @Context HttpHeaders headers, @Context UriInfo uri,
            @RestForm("source") FileUpload source, @RestForm String description, @RestForm String title,
            @RestForm("access_token") String accessToken) throws IOException {
        Map<String, String> params = queryParams(uri);
        putIfPresent(params, "access_token", accessToken);
        Authorized auth = authorize(headers, params);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        Decision usage = limits.facebookApp();
        if (source == null) {
            return withUsage(graphError(400, "(#100) Either source or file_url must be given", 100, null, null),
                    usage, pageId);
        }
        if (source.contentType() == null || !source.contentType().startsWith("video/")) {
            return withUsage(graphError(400, "(#352) Sorry, the video file you selected is in a format that we "
                    + "don't support.", 352, null, null), usage, pageId);
        }
        byte[] bytes = Files.readAllBytes(source.uploadedFile());
        String videoId = Ids.next();
        HeldMedia video = new HeldMedia(videoId, source.contentType(), bytes.length, Tokens.sha256(bytes), null, null);
        HeldPost held = store.hold(new HeldPost(Network.FACEBOOK, videoId,
                HeldPost.Kind.VIDEO, pageId, description, pageId, null, null, null, null, null, List.of(video),
                "https://www.facebook.com/" + pageId + "/videos/" + videoId, auth.fingerprint(),
                Instant.now()));
        LOG.infof("Held Facebook video %s (%d bytes, title %s) for token %s", held.id(), bytes.length,
                title == null ? "none" : "given", XApiResource.shortFingerprint(auth.fingerprint()));
        faults.afterAccept(Network.FACEBOOK, request);
        return withUsage(Response.ok(Map.of("id", videoId)), usage, pageId);
    }

    /**
     * {@code POST /{object-id}/comments} with {@code message}: a comment on a post, or a reply to a comment. The
     * object need not be held here (a visitor's post the Page answers). {@code {"id": "<post-id>_<comment-id>"}}.
     */
    @POST
    @Path("{version: v[0-9]+\\.[0-9]+}/{objectId}/comments")
    public Response commentVersioned(@PathParam("objectId") String objectId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        return comment(objectId, headers, uri, body);
    }

    @POST
    @Path("{objectId}/comments")
    public Response comment(@PathParam("objectId") String objectId, @Context HttpHeaders headers,
            @Context UriInfo uri, String body) {
        Map<String, String> params = queryParams(uri);
        params.putAll(bodyParams(headers.getMediaType(), body));
        Authorized auth = authorize(headers, params);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        Decision usage = limits.facebookApp();
        if (Tokens.nonBlank(params.get("message")).isEmpty()) {
            return withUsage(graphError(400, "(#100) Missing message or attachment", 100, null, null), usage,
                    objectId);
        }
        HeldPost held = store.addComment(auth.fingerprint(), objectId, params.get("message"));
        LOG.infof("Held Facebook comment %s on %s for token %s", held.id(), objectId,
                XApiResource.shortFingerprint(auth.fingerprint()));
        faults.afterAccept(Network.FACEBOOK, request);
        return withUsage(Response.ok(Map.of("id", held.id())), usage, objectId);
    }

    /** The {@code media_fbid} of one {@code attached_media[n]} value, {@code {"media_fbid":"..."}}; null if none. */
    private String mediaFbid(String value) {
        try {
            JsonNode node = mapper.readTree(value);
            return node != null && node.path("media_fbid").isValueNode() ? node.path("media_fbid").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The token's fingerprint, or Graph's answer to a call without a usable token. */
    private record Authorized(String fingerprint, Response refusal) {
    }

    private static Authorized authorize(HttpHeaders headers, Map<String, String> params) {
        Optional<String> token = GraphResponses.token(headers, params.get("access_token"));
        if (token.isEmpty()) {
            return new Authorized(null, graphError(400, "An access token is required to request this resource.",
                    104, null, "invalid_request").build());
        }
        if (Tokens.isExpired(token.get())) {
            return new Authorized(null, graphError(400, "Error validating access token: Session has expired.", 190,
                    463, "invalid_token").build());
        }
        return new Authorized(Tokens.fingerprint(token.get()), null);
    }

    /** Graph's usage headers on every answer: see {@link GraphUsageHeaders}. */
    private static Response withUsage(Response.ResponseBuilder builder, Decision usage, String businessId) {
        return GraphUsageHeaders.add(builder.type(MediaType.APPLICATION_JSON), usage, businessId).build();
    }

    /** Graph's error body: {"error":{"message","type":"OAuthException","code",["error_subcode"],"fbtrace_id"}}. */
    private static Response.ResponseBuilder graphError(int status, String message, int code, Integer subcode,
            String wwwAuthenticateError) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(GraphResponses.errorBody(message, code, subcode, false));
        if (wwwAuthenticateError != null) {
            // Graph names the OAuth failure here too, as RFC 6750 asks.
            builder.header("WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"" + wwwAuthenticateError + "\" \"" + message + "\"");
        }
        return builder;
    }

    private static Map<String, String> queryParams(UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        return params;
    }

    /** Parameters from a urlencoded or JSON body; any other body is ignored, as Graph ignores it. */
    private Map<String, String> bodyParams(MediaType type, String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isBlank() || type == null) {
            return params;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            Charset charset = charsetOf(type);
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), charset),
                            URLDecoder.decode(pair.substring(eq + 1), charset));
                }
            }
        } else if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            try {
                JsonNode json = mapper.readTree(body);
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isValueNode()) {
                        params.put(field.getKey(), field.getValue().asText());
                    }
                }
            } catch (IOException e) {
                // Unreadable JSON carries no parameters; the checks that follow say what is missing.
            }
        }
        return params;
    }

    // Percent-escapes decode in the charset the client declared; most clients send none and mean UTF-8.
    private static Charset charsetOf(MediaType type) {
        try {
            String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void putIfPresent(Map<String, String> params, String key, String value) {
        if (value != null) {
            params.put(key, value);
        }
    }
}
