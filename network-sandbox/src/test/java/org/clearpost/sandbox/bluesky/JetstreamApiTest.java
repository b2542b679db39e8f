package org.clearpost.sandbox.bluesky;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jetstream over a real WebSocket, and the XRPC session and notifications, as a listener meets them. */
@QuarkusTest
class JetstreamApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "did:plc:clearpostsandboxbody2acc";

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void reset() {
        given().delete("/sandbox/firehose").then().statusCode(204);
    }

    @Test
    void streamsEveryPostLiveThenReplaysFromAnInclusiveCursor() throws Exception {
        try (Client live = Client.connect(ws(""))) {
            burst(300, 1);
            List<Map<String, Object>> made = awaitMade(300);
            await().atMost(Duration.ofSeconds(20)).until(() -> creates(live.events).size() == made.size());
            assertThat(creates(live.events)).containsExactlyInAnyOrderElementsOf(
                    made.stream().map(m -> m.get("uri") + "#" + m.get("cid")).toList());
            JsonNode first = live.events.get(0);
            assertThat(first.path("kind").asText()).isEqualTo("commit");
            assertThat(first.path("commit").path("collection").asText()).isEqualTo("app.bsky.feed.post");
            assertThat(first.path("commit").path("record").path("$type").asText()).isEqualTo("app.bsky.feed.post");

            long cursor = ((Number) made.get(100).get("timeUs")).longValue();
            try (Client replay = Client.connect(ws("?wantedCollections=app.bsky.feed.post&cursor=" + cursor))) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> creates(replay.events).containsAll(expected(made.subList(100, 300))));
                // at-least-once: it starts a little before the cursor, never after it
                assertThat(replay.events.get(0).path("time_us").asLong()).isLessThanOrEqualTo(cursor);
            }
        }
    }

    @Test
    void filtersOnTheAuthorsRepoNotOnWhoIsMentioned() throws Exception {
        burst(100, 1);
        List<Map<String, Object>> made = awaitMade(100);
        String author = (String) made.get(0).get("did");
        try (Client client = Client.connect(ws("?wantedDids=" + author + "&cursor=1"))) {
            long theirs = made.stream().filter(m -> author.equals(m.get("did"))).count();
            await().atMost(Duration.ofSeconds(10)).until(() -> creates(client.events).size() == theirs);
            assertThat(client.events).allMatch(e -> e.path("did").asText().equals(author));
        }
    }

    @Test
    void dropClosesEveryConnectionAndSilenceSendsNothing() throws Exception {
        try (Client client = Client.connect(ws(""))) {
            given().contentType(ContentType.JSON).body(Map.of("networks", List.of("bluesky"), "seconds", 6))
                    .post("/sandbox/firehose/silence").then().statusCode(204);
            burst(100, 1);
            awaitMade(100);
            Thread.sleep(300);
            assertThat(client.events).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> creates(client.events).size() == 100);

            given().contentType(ContentType.JSON).body(Map.of("networks", List.of("bluesky")))
                    .post("/sandbox/firehose/drop").then().statusCode(204);
            client.closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void notificationsPageNewestFirstForTheAccountWithAnAppPasswordSession() {
        burst(200, 1);
        List<Map<String, Object>> made = awaitMade(200);
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("identifier", "clearpost-sandbox.bsky.social", "password", "app-pass"))
                .post("/xrpc/com.atproto.server.createSession").then().statusCode(200)
                .body("did", equalTo(ACCOUNT)).extract().path("accessJwt");

        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", "Bearer " + token).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = read(request.get("/xrpc/app.bsky.notification.listNotifications").then().statusCode(200)
                    .extract().asString());
            page.path("notifications").forEach(all::add);
            cursor = page.path("cursor").isMissingNode() ? null : page.path("cursor").asText();
        } while (cursor != null);

        assertThat(all).extracting(n -> n.path("uri").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(made.stream().filter(m -> (Boolean) m.get("mention"))
                        .map(m -> (String) m.get("uri")).toList());
        assertThat(all).extracting(n -> n.path("indexedAt").asText()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all).allMatch(n -> Set.of("mention", "reply").contains(n.path("reason").asText())
                && n.path("author").path("handle").asText().endsWith(".bsky.social"));

        JsonNode replies = read(given().header("Authorization", "Bearer " + token).queryParam("reasons", "reply")
                .queryParam("limit", 100).get("/xrpc/app.bsky.notification.listNotifications").asString());
        assertThat(replies.path("notifications")).allMatch(n -> n.path("reason").asText().equals("reply")
                && n.path("reasonSubject").asText().startsWith("at://" + ACCOUNT + "/"));

        given().get("/xrpc/app.bsky.notification.listNotifications").then().statusCode(401)
                .body("error", equalTo("AuthMissing"));
        given().header("Authorization", "Bearer forged").get("/xrpc/app.bsky.notification.listNotifications")
                .then().statusCode(401).body("error", equalTo("InvalidToken"));
        given().header("Authorization", "Bearer " + token).queryParam("limit", 101)
                .get("/xrpc/app.bsky.notification.listNotifications").then().statusCode(400)
                .body("error", equalTo("InvalidRequest"));
        given().contentType(ContentType.JSON).body(Map.of("identifier", "someone.else", "password", "x"))
                .post("/xrpc/com.atproto.server.createSession").then().statusCode(401);
    }

    private URI ws(String query) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/subscribe" + query);
    }

    private static void burst(int perSecond, int seconds) {
        given().contentType(ContentType.JSON)
                .body(Map.of("networks", List.of("bluesky"), "perSecond", perSecond, "seconds", seconds))
                .post("/sandbox/firehose/burst").then().statusCode(202);
    }

    private static List<Map<String, Object>> awaitMade(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/sandbox/firehose").then().extract()
                .<Integer>path("bluesky") == count);
        return given().get("/sandbox/bluesky/posts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<String> expected(List<Map<String, Object>> made) {
        return made.stream().map(m -> m.get("uri") + "#" + m.get("cid")).toList();
    }

    /** Every first version streamed, as at-uri#cid. */
    private static List<String> creates(List<JsonNode> events) {
        List<String> creates = new ArrayList<>();
        for (JsonNode e : List.copyOf(events)) {
            JsonNode c = e.path("commit");
            if (c.path("operation").asText().equals("create")) {
                creates.add("at://" + e.path("did").asText() + "/" + c.path("collection").asText() + "/"
                        + c.path("rkey").asText() + "#" + c.path("cid").asText());
            }
        }
        return creates;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    /** A JDK WebSocket client that keeps every message. */
    static final class Client implements WebSocket.Listener, AutoCloseable {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Client connect(URI uri) throws Exception {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            return client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(read(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (!closed.isDone()) {
                socket.abort();
            }
        }
    }
}
