package org.clearpost.console.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.clearpost.console.config.ConsoleConfig;

/**
 * Calls a service as the signed-in person: their own access token (refreshed by Quarkus before it expires) as the
 * bearer, so a service trusts the console no more than that token. Blocking: pages and the gateway run on worker
 * threads.
 */
@ApplicationScoped
public class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http;
    private final ConsoleConfig config;
    private final SecurityIdentity identity;

    public ServiceClient(ConsoleConfig config, SecurityIdentity identity) {
        this.config = config;
        this.identity = identity;
        this.http = HttpClient.newBuilder().connectTimeout(config.serviceTimeout()).build();
    }

    public ServiceResponse get(Service service, String pathAndQuery) {
        return send(service, "GET", pathAndQuery, null, null);
    }

    /** GET that must succeed: a problem from the service becomes a {@link ServiceProblem} (its page shows it). */
    public JsonNode read(Service service, String pathAndQuery) {
        return get(service, pathAndQuery).orProblem().json();
    }

    public ServiceResponse postJson(Service service, String path, Object body) {
        return send(service, "POST", path, "application/json", json(body));
    }

    public ServiceResponse putJson(Service service, String path, Object body) {
        return send(service, "PUT", path, "application/json", json(body));
    }

    public ServiceResponse delete(Service service, String path) {
        return send(service, "DELETE", path, null, null);
    }

    /** Any call; {@code body} and {@code contentType} may be null. */
    public ServiceResponse send(Service service, String method, String pathAndQuery, String contentType, byte[] body) {
        return send(service, method, pathAndQuery, contentType, body, Map.of());
    }

    public ServiceResponse send(Service service, String method, String pathAndQuery, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest request = request(service, method, pathAndQuery, contentType, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body), headers,
                config.serviceTimeout());
        HttpResponse<byte[]> response = exchange(service, request, HttpResponse.BodyHandlers.ofByteArray());
        return new ServiceResponse(service, response.statusCode(), response.headers(), response.body());
    }

    /** A multipart upload (a video, say) streamed from its stored file; the answer as any other. */
    public ServiceResponse upload(Service service, String path, Multipart body) {
        HttpRequest request = request(service, "POST", path, body.contentType(), body.body(), Map.of(),
                config.transferTimeout());
        HttpResponse<byte[]> response = exchange(service, request, HttpResponse.BodyHandlers.ofByteArray());
        return new ServiceResponse(service, response.statusCode(), response.headers(), response.body());
    }

    /**
     * A call whose bodies are streamed rather than held in memory: an upload of a video, or a service's answer
     * passed on to the browser as it comes (media content through the gateway). The person's token as always; the
     * transfer may take {@code clearpost.console.transfer-timeout}.
     */
    public HttpResponse<InputStream> stream(Service service, String method, String pathAndQuery, String contentType,
            HttpRequest.BodyPublisher body, Map<String, String> headers) {
        return exchange(service, request(service, method, pathAndQuery, contentType, body, headers,
                config.transferTimeout()), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest request(Service service, String method, String pathAndQuery, String contentType,
            HttpRequest.BodyPublisher body, Map<String, String> headers, java.time.Duration timeout) {
        URI base = config.services().get(service.id());
        if (base == null) {
            throw new IllegalStateException("clearpost.console.services." + service.id() + " is not set");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken())
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return request.build();
    }

    private <T> HttpResponse<T> exchange(Service service, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, e);
        }
    }

    private String accessToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token: the request is not signed in");
        }
        return token.getToken();
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A path with each segment percent-encoded: {@code path("/posts/{}/submit", id)}. */
    public static String path(String template, Object... segments) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Object segment : segments) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more segments than {} in " + template);
            }
            out.append(template, from, at).append(encode(String.valueOf(segment)).replace("+", "%20"));
            from = at + 2;
        }
        if (template.indexOf("{}", from) >= 0) {
            // Left in, "{}" would reach the service as a literal path (or fail as an illegal URI far from here).
            throw new IllegalArgumentException("fewer segments than {} in " + template);
        }
        return out.append(template.substring(from)).toString();
    }

    /** A query string from name/value pairs, skipping null and blank values: {@code query("status", s, "page", 2)}. */
    public static String query(Object... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                query.add(encode(namesAndValues[i].toString()) + "=" + encode(value.toString()));
            }
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
