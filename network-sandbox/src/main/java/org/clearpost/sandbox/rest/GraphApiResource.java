package org.clearpost.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.RateLimits;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Graph API {@code POST /{page-id}/feed}, with or without a version prefix. Like Graph, parameters may come in the
 * query string, a urlencoded or multipart form, or a JSON body, and the token as {@code access_token} or in an
 * {@code Authorization: Bearer|OAuth} header.
 */
@Path("/")
@Tag(name = "Facebook Graph API", description = "POST /{page-id}/feed, as graph.facebook.com answers it")
public class GraphApiResource {

    private static final Logger LOG = Logger.getLogger(GraphApiResource.class);
    private static final String VERSIONED = "{version: v[0-9]+\\.[0-9]+}/{pageId}/feed";
    private static final String UNVERSIONED = "{pageId}/feed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostStore store;
    private final RateLimits limits;
    private final ObjectMapper mapper;

    GraphApiResource(PostStore store, RateLimits limits, ObjectMapper mapper) {
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
        Optional<String> token = Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                "Bearer", "OAuth").or(() -> Tokens.nonBlank(params.get("access_token")));
        if (token.isEmpty()) {
            return graphError(400, "An access token is required to request this resource.", 104, null,
                    "invalid_request").build();
        }
        if (Tokens.isExpired(token.get())) {
            return graphError(400, "Error validating access token: Session has expired.", 190, 463, "invalid_token")
                    .build();
        }
        Decision usage = limits.facebookApp();
        String message = Tokens.nonBlank(params.get("message")).orElse(null);
        String link = Tokens.nonBlank(params.get("link")).orElse(null);
        if (message == null && link == null) {
            return withUsage(graphError(400, "(#100) Missing message or attachment", 100, null, null), usage);
        }
        String fingerprint = Tokens.fingerprint(token.get());
        // The held text is the message as sent, untrimmed, so tests compare what the connector really sent.
        HeldPost held = store.addPagePost(fingerprint, pageId, message == null ? null : params.get("message"), link);
        LOG.infof("Held Facebook post %s for token %s", held.id(), XApiResource.shortFingerprint(fingerprint));
        return withUsage(Response.ok(Map.of("id", held.id())), usage);
    }

    /** X-App-Usage holds percentages of the app's hourly allowance: {"call_count":n,"total_time":n,"total_cputime":n}. */
    private static Response withUsage(Response.ResponseBuilder builder, Decision usage) {
        int percent = (int) Math.min(100, usage.used() * 100L / usage.limit());
        String header = "{\"call_count\":" + percent + ",\"total_time\":" + percent + ",\"total_cputime\":" + percent
                + "}";
        return builder.type(MediaType.APPLICATION_JSON).header("X-App-Usage", header).build();
    }

    /** Graph's error body: {"error":{"message","type":"OAuthException","code",["error_subcode"],"fbtrace_id"}}. */
    private static Response.ResponseBuilder graphError(int status, String message, int code, Integer subcode,
            String wwwAuthenticateError) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", fbtraceId());
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error));
        if (wwwAuthenticateError != null) {
            // Graph names the OAuth failure here too, as RFC 6750 asks.
            builder.header("WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"" + wwwAuthenticateError + "\" \"" + message + "\"");
        }
        return builder;
    }

    private static String fbtraceId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
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
