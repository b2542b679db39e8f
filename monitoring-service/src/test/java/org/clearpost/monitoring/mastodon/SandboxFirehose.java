package org.clearpost.monitoring.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Drives the running sandbox's firehose for one network over its HTTP API ({@code /sandbox/firehose}). */
public final class SandboxFirehose {

    private final URI base;
    private final String network;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public SandboxFirehose(URI base, String network) {
        this.base = base;
        this.network = network;
    }

    public void reset() {
        call("DELETE", "/sandbox/firehose", null, 204);
    }

    public void burst(int perSecond, int seconds) {
        call("POST", "/sandbox/firehose/burst", "{\"networks\":[\"" + network + "\"],\"perSecond\":" + perSecond
                + ",\"seconds\":" + seconds + "}", 202);
    }

    public void drop() {
        call("POST", "/sandbox/firehose/drop", "{\"networks\":[\"" + network + "\"]}", 204);
    }

    public void silence(int seconds) {
        call("POST", "/sandbox/firehose/silence", "{\"networks\":[\"" + network + "\"],\"seconds\":" + seconds + "}", 204);
    }

    public long made() {
        return json("GET", "/sandbox/firehose").path(network).asLong();
    }

    /** GET of a sandbox path as JSON. */
    public JsonNode get(String path) {
        return json("GET", path);
    }

    private JsonNode json(String method, String path) {
        try {
            return mapper.readTree(call(method, path, null, 200));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String call(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
