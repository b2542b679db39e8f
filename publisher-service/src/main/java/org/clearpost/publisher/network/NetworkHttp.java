package org.clearpost.publisher.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Function;
import org.clearpost.publisher.config.NetworksConfig;

/**
 * The HTTP side every connector shares: one client, the configured timeouts, and what a failed exchange means. Only
 * a call that never reached the network, or one that makes nothing public (see {@link #exchangeBeforePosting}), is
 * retried; once a publishing request may have been sent, a lost answer is an unknown outcome, because retrying it
 * could publish twice.
 */
@ApplicationScoped
public class NetworkHttp {

    /** Longest piece of a network's answer quoted in a failure reason. */
    private static final int MAX_QUOTE = 300;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final ObjectMapper mapper;

    public NetworkHttp(NetworksConfig config, ObjectMapper mapper) {
        // The REST layer's mapper refuses duplicate keys in API input; a network's answer is read as the network wrote it.
        this.mapper = mapper.copy().disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = config.requestTimeout();
    }

    /** {@code base} + {@code path}, keeping any path the base already has (such as Graph's version). */
    public static URI endpoint(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    /** Makes the call; an answer is read by {@code onResponse}, a failure becomes a result here. */
    public PublishResult send(String network, HttpRequest.Builder request,
            Function<HttpResponse<String>, PublishResult> onResponse) {
        try {
            return onResponse.apply(exchange(network, request));
        } catch (CallFailed e) {
            return e.result();
        }
    }

    /** Makes the call and hands back whatever answer came; a call that got no answer throws with its result. */
    public HttpResponse<String> exchange(String network, HttpRequest.Builder request) throws CallFailed {
        return exchange(network, request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A call made before the post itself (a media upload, alt text, a look-up): whatever happens to it, nothing is
     * public, so even a lost answer may be tried again.
     */
    public HttpResponse<String> exchangeBeforePosting(String network, HttpRequest.Builder request) throws CallFailed {
        try {
            return exchange(network, request);
        } catch (CallFailed e) {
            if (e.result() instanceof PublishResult.Unknown unknown) {
                throw new CallFailed(new PublishResult.Retry(unknown.reason(), null));
            }
            throw e;
        }
    }

    /** As {@link #exchange(String, HttpRequest.Builder)}, reading the body with {@code handler}. */
    public <T> HttpResponse<T> exchange(String network, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> handler) throws CallFailed {
        try {
            return client.send(request.timeout(requestTimeout).build(), handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new CallFailed(new PublishResult.Retry("cannot reach " + network + ": " + describe(e), null));
        } catch (HttpTimeoutException e) {
            throw new CallFailed(unknown(network + " did not answer within " + requestTimeout.toMillis() + " ms"));
        } catch (IOException e) {
            throw new CallFailed(unknown("the connection to " + network + " broke during the call (" + describe(e)
                    + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(unknown("the service stopped during the call"));
        }
    }

    /**
     * A step of a publication could not be taken: {@code result} says what that means for the publication. Checked,
     * so a connector cannot forget that any of its calls may end the publication.
     */
    public static final class CallFailed extends Exception {

        private final transient PublishResult result;

        public CallFailed(PublishResult result) {
            super(result.toString(), null, false, false);
            this.result = result;
        }

        public PublishResult result() {
            return result;
        }
    }

    private static PublishResult unknown(String why) {
        return new PublishResult.Unknown(PublishResult.outcomeUnknown(why), null);
    }

    public String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a request body", e);
        }
    }

    /** The answer as JSON; a missing node when it is not JSON (a proxy's HTML error page, say). */
    public JsonNode json(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The network's own words when it gave some, else the start of its answer. */
    public static String message(String fromJson, String body) {
        String message = fromJson != null && !fromJson.isBlank() ? fromJson
                : body == null || body.isBlank() ? "no message" : body.strip();
        return message.length() <= MAX_QUOTE ? message : message.substring(0, MAX_QUOTE) + "…";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
