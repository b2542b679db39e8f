package org.clearpost.sandbox.facebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clearpost.sandbox.domain.WebhookSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Facebook firehose against a real HTTP receiver on loopback: batched signed deliveries, retries and drops, and
 * the Graph read edges paging over everything made. Counted, not sampled.
 */
@QuarkusTest
class FacebookFirehoseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "100200300400";

    @ConfigProperty(name = "clearpost.sandbox.facebook-app-secret")
    String appSecret;

    private HttpServer receiver;
    private final Set<String> receivedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong receivedChanges = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicInteger largest = new AtomicInteger();
    private final AtomicInteger entriesSeen = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        given().delete("/sandbox/firehose").then().statusCode(204);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!WebhookSigner.sign(appSecret, body)
                    .equals(exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER))) {
                badSignatures.incrementAndGet();
            }
            JsonNode root = JSON.readTree(body);
            int changes = 0;
            for (JsonNode entry : root.path("entry")) {
                entriesSeen.incrementAndGet();
                assertThat(entry.path("id").asText()).isEqualTo(PAGE);
                for (JsonNode change : entry.path("changes")) {
                    receivedIds.add(change.path("value").path("comment_id").asText());
                    changes++;
                }
            }
            receivedChanges.addAndGet(changes);
            largest.accumulateAndGet(changes, Math::max);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/facebook",
                        "concurrency", 4))
                .put("/sandbox/facebook/webhook").then().statusCode(200).body("concurrency", equalTo(4));
    }

    @AfterEach
    void stopReceiver() {
        given().delete("/sandbox/firehose").then().statusCode(204);
        receiver.stop(0);
    }

    private static Map<String, Object> stats() {
        return given().get("/sandbox/facebook/deliveries").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static List<String> madeIds() {
        return given().get("/sandbox/facebook/comments").then().statusCode(200).extract().jsonPath()
                .getList("$", String.class);
    }

    private static void burst(int perSecond, int seconds) {
        given().contentType(ContentType.JSON)
                .body(Map.of("networks", List.of("facebook"), "perSecond", perSecond, "seconds", seconds))
                .post("/sandbox/firehose/burst").then().statusCode(202);
    }

    @Test
    void aBurstArrivesCompleteInSignedBatches() {
        burst(3000, 2);

        awaitUntil(30, () -> ((Number) stats().get("made")).longValue() == 6000
                && ((Number) stats().get("pending")).longValue() == 0);

        assertThat(receivedChanges.get()).isEqualTo(6000);
        assertThat(receivedIds).hasSize(6000).containsExactlyInAnyOrderElementsOf(madeIds());
        assertThat(badSignatures.get()).isZero();
        assertThat(largest.get()).isGreaterThan(1).isLessThanOrEqualTo(1000);
        assertThat(((Number) stats().get("delivered")).longValue()).isEqualTo(6000);
        assertThat(((Number) stats().get("deliveries")).longValue()).isLessThan(6000);
    }

    @Test
    void theGraphEdgesPageOverEveryPostAndComment() {
        burst(500, 1);
        awaitUntil(20, () -> ((Number) stats().get("made")).longValue() == 500);

        List<String> posts = new ArrayList<>();
        String next = "/graph/v21.0/" + PAGE + "/published_posts?limit=2&access_token=page-token";
        while (next != null) {
            JsonNode page = get(next);
            page.path("data").forEach(p -> posts.add(p.path("id").asText()));
            next = page.path("paging").path("next").isTextual() ? page.path("paging").path("next").asText() : null;
        }
        assertThat(posts).hasSize(5).allMatch(id -> id.startsWith(PAGE + "_"));

        List<String> comments = new ArrayList<>();
        for (String post : posts) {
            next = "/graph/v21.0/" + post + "/comments?filter=stream&order=chronological&since=0&limit=30";
            String previousTime = "";
            while (next != null) {
                JsonNode page = get(next);
                for (JsonNode c : page.path("data")) {
                    comments.add(c.path("id").asText());
                    assertThat(c.path("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000")
                            .isGreaterThanOrEqualTo(previousTime);
                    assertThat(c.path("from").path("id").asText()).isNotEmpty();
                    previousTime = c.path("created_time").asText();
                }
                assertThat(page.path("paging").path("cursors").path("after").asText()).isNotEmpty();
                next = page.path("paging").path("next").isTextual() ? page.path("paging").path("next").asText()
                        : null;
            }
        }
        assertThat(comments).hasSize(500).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(madeIds());

        long future = System.currentTimeMillis() / 1000 + 3600;
        given().header("Authorization", "OAuth page-token")
                .get("/graph/v21.0/" + posts.get(0) + "/comments?since=" + future)
                .then().statusCode(200).body("data.size()", equalTo(0));
        given().get("/graph/v21.0/" + posts.get(0) + "/comments")
                .then().statusCode(400).body("error.code", equalTo(104));
        given().get("/graph/v21.0/1_404/comments?access_token=t")
                .then().statusCode(400).body("error.code", equalTo(100)).body("error.error_subcode", equalTo(33));
    }

    @Test
    void deliveriesFailingPastTheRetryWindowAreDroppedButStayReadable() {
        // Test profile: drop-for 2s, retry-window 1s, retry-interval 200ms.
        burst(400, 4);
        awaitUntil(5, () -> receivedChanges.get() > 0);
        given().contentType(ContentType.JSON).body(Map.of("networks", List.of("facebook")))
                .post("/sandbox/firehose/drop").then().statusCode(204);

        awaitUntil(30, () -> ((Number) stats().get("made")).longValue() == 1600
                && ((Number) stats().get("pending")).longValue() == 0);

        Map<String, Object> stats = stats();
        long dropped = ((Number) stats.get("dropped")).longValue();
        assertThat(dropped).isPositive();
        assertThat(((Number) stats.get("failedAttempts")).longValue()).isPositive();
        assertThat(((Number) stats.get("delivered")).longValue() + dropped).isEqualTo(1600);
        assertThat(receivedIds).hasSize((int) (1600 - dropped));
        Set<String> missing = new HashSet<>(madeIds());
        missing.removeAll(receivedIds);
        assertThat(missing).hasSize((int) dropped);
    }

    /** Polls until {@code condition} holds (the sandbox has no Awaitility). */
    private static void awaitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + seconds + " s; stats: " + stats());
                }
                Thread.sleep(100);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(String url) {
        try {
            return JSON.readTree(given().header("Authorization", "OAuth page-token").get(url).then().statusCode(200)
                    .extract().asString().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
