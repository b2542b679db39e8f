package org.clearpost.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives the network sandbox's firehose: {@code POST /sandbox/firehose/burst {networks, perSecond, seconds}}, and
 * reads how many mentions it made ({@code GET /sandbox/firehose}); monitoring's intakes read them from the sandbox.
 */
final class FirehoseDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI firehose;
    private final HttpClient http = HttpClient.newHttpClient();

    FirehoseDriver(URI sandbox) {
        this.firehose = sandbox.resolve("/sandbox/firehose");
    }

    void reset() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(firehose).DELETE().build(), 204);
    }

    void burst(List<String> networks, int perSecond, Duration duration) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("networks", networks, "perSecond", perSecond,
                "seconds", duration.toSeconds()));
        send(HttpRequest.newBuilder(firehose.resolve("/sandbox/firehose/burst"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                202);
    }

    /** Mentions made since the last reset, over every network. */
    long made() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(firehose).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long made = 0;
        for (JsonNode count : JSON.readTree(response.body())) {
            made += count.asLong();
        }
        return made;
    }

    private void send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode()
                    + " " + response.body());
        }
    }
}
