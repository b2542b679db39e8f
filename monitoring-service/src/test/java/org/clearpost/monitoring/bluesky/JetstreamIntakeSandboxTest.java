package org.clearpost.monitoring.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RecordingSink;
import org.clearpost.testing.NetworkSandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake against the real sandbox (packaged, over a real WebSocket and HTTP), into an in-memory sink with the
 * sink's contract: every post made must be handed over, through a stop mid-burst, a dropped connection, and an absence
 * longer than Jetstream keeps. Sets of at-uris are compared whole (count, not sample).
 */
class JetstreamIntakeSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The sandbox's Jetstream keeps 6 s here; the intake trusts 5 s of it. */
    private static final Duration WINDOW = Duration.ofSeconds(6);
    private static NetworkSandboxServer sandbox;
    private static URI base;

    private final RecordingSink sink = new RecordingSink();

    @BeforeAll
    static void startSandbox() {
        sandbox = new NetworkSandboxServer();
        sandbox.init(Map.of("CLEARPOST_SANDBOX_BLUESKY_WINDOW", WINDOW.toSeconds() + "s"));
        sandbox.start();
        base = NetworkSandboxServer.url();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        send("DELETE", "/sandbox/firehose", null);
        sink.setCursor(JetstreamIntake.NAME, Long.toString(micros(Instant.now())));
    }

    @Test
    void everyPostOfABurstIsHandedOverThroughAStopMidBurstAndADroppedConnection() throws Exception {
        JetstreamIntake intake = new JetstreamIntake(new TestBlueskyConfig(base, Duration.ofSeconds(5)), Clock.systemUTC());
        Thread first = start(intake);
        send("POST", "/sandbox/firehose/burst", "{\"networks\":[\"bluesky\"],\"perSecond\":300,\"seconds\":4}");
        Thread.sleep(1000);
        first.interrupt();
        first.join(10_000);
        assertThat(first.isAlive()).isFalse();
        int beforeRestart = sink.items().size();
        Thread.sleep(700);
        Thread second = start(intake);
        Thread.sleep(1000);
        send("POST", "/sandbox/firehose/drop", "{\"networks\":[\"bluesky\"]}");
        try {
            Set<String> made = awaitMade(1200).keySet();
            await().atMost(Duration.ofSeconds(30)).until(() -> streamedUris().containsAll(made));
            assertThat(streamedUris()).isEqualTo(made);
            assertThat(beforeRestart).isPositive().isLessThan(1200);
            long versions = sink.items().stream().map(RawItem::payload).distinct().count();
            System.out.printf("Bluesky intake: %d posts made, %d items handed over (%d distinct events)%n",
                    made.size(), sink.items().size(), versions);
        } finally {
            second.interrupt();
            second.join(10_000);
        }
    }

    @Test
    void anAbsenceLongerThanJetstreamKeepsIsCoveredForMentionsByNotifications() throws Exception {
        send("POST", "/sandbox/firehose/burst", "{\"networks\":[\"bluesky\"],\"perSecond\":100,\"seconds\":2}");
        Map<String, Boolean> made = awaitMade(200);
        Thread.sleep(WINDOW.plusSeconds(1).toMillis());

        Thread intake = start(new JetstreamIntake(new TestBlueskyConfig(base, Duration.ofSeconds(5)), Clock.systemUTC()));
        try {
            Set<String> mentions = made.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(30)).until(() -> keysOf("notification").containsAll(mentions));
            assertThat(keysOf("notification")).isEqualTo(mentions);
            // Jetstream had forgotten them: only the notifications brought them back
            assertThat(streamedUris()).isEmpty();
        } finally {
            intake.interrupt();
            intake.join(10_000);
        }
    }

    private Thread start(JetstreamIntake intake) {
        Thread thread = new Thread(() -> {
            try {
                intake.run(sink);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-bluesky-intake");
        thread.start();
        return thread;
    }

    private Set<String> streamedUris() {
        return keysOf("jetstream-commit");
    }

    private Set<String> keysOf(String kind) {
        return sink.items().stream().filter(i -> i.kind().equals(kind)).map(RawItem::key).collect(Collectors.toSet());
    }

    /** The at-uris the sandbox made, each with whether it notified the account. */
    private static Map<String, Boolean> awaitMade(int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> read(send("GET", "/sandbox/firehose", null))
                .path("bluesky").asInt() == count);
        JsonNode posts = read(send("GET", "/sandbox/bluesky/posts", null));
        Map<String, Boolean> made = StreamSupport.stream(posts.spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("uri").asText(), p -> p.path("mention").asBoolean()));
        assertThat(made).hasSize(count);
        return made;
    }

    private static String send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

}
