package org.clearpost.sandbox.x;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X firehose over real HTTP: the stream as a JDK client reads it, search and timeline paging. */
@QuarkusTest
class XStreamApiTest {

    private static final String CLEARPOST_DEMO = "1500000000000000001";

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = "x-app-" + UUID.randomUUID();
    private final List<InputStream> open = new ArrayList<>();

    @BeforeEach
    void reset() {
        given().delete("/sandbox/firehose").then().statusCode(204);
    }

    @AfterEach
    void close() throws IOException {
        for (InputStream in : open) {
            in.close();
        }
    }

    @Test
    void theStreamCarriesEveryPostMadeWhileConnectedAsOneJsonLineEach() throws Exception {
        HttpResponse<InputStream> stream = connect(token);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("x-rate-limit-limit")).contains("50");
        assertThat(stream.headers().firstValue("x-rate-limit-remaining")).contains("49");
        BlockingQueue<String> lines = lines(stream.body());

        given().post("/sandbox/x/firehose/posts?count=40").then().statusCode(200).body("made", equalTo(38));

        List<String> ids = new ArrayList<>();
        while (ids.size() < 40) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a post within 10 s").isNotNull();
            if (line.isEmpty()) {
                continue; // keep-alive
            }
            JsonNode json = mapper.readTree(line);
            ids.add(json.path("data").path("id").asText());
            assertThat(json.path("includes").path("users").get(0).path("id").asText())
                    .isEqualTo(json.path("data").path("author_id").asText());
            assertThat(json.path("matching_rules").get(0).has("tag")).isTrue();
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(given().get("/sandbox/x/firehose/ids").asString().lines().toList()).isEqualTo(ids);
    }

    @Test
    void aSecondConnectionOfTheSameAppIsRefusedAndAnotherAppIsNot() throws Exception {
        assertThat(connect(token).statusCode()).isEqualTo(200);

        HttpResponse<InputStream> second = connect(token);

        assertThat(second.statusCode()).isEqualTo(429);
        JsonNode body = mapper.readTree(second.body().readAllBytes());
        assertThat(body.path("connection_issue").asText()).isEqualTo("TooManyConnections");
        assertThat(body.path("title").asText()).isEqualTo("ConnectionException");
        assertThat(connect("x-other-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
    }

    @Test
    void noTokenIs401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(XStreamRoute.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("x-rate-limit-limit")).isEmpty();
    }

    @Test
    void anIdleStreamSendsKeepAlivesAndASilencedOneSendsNothing() throws Exception {
        BlockingQueue<String> lines = lines(connect(token).body());
        assertThat(lines.poll(2, TimeUnit.SECONDS)).as("a keep-alive within 2 s").isEqualTo("");

        given().contentType(ContentType.JSON).body(Map.of("networks", List.of("x"), "seconds", 2))
                .post("/sandbox/firehose/silence").then().statusCode(204);
        lines.clear();
        given().post("/sandbox/x/firehose/posts?count=5").then().statusCode(200);

        assertThat(lines.poll(1500, TimeUnit.MILLISECONDS)).as("nothing while silent").isNull();
        assertThat(lines.poll(3, TimeUnit.SECONDS)).as("keep-alives again after the silence").isEqualTo("");
    }

    @Test
    void dropEndsTheStreamAndTheAppMayConnectAgain() throws Exception {
        HttpResponse<InputStream> stream = connect(token);
        InputStream body = stream.body();

        given().contentType(ContentType.JSON).body(Map.of("networks", List.of("x")))
                .post("/sandbox/firehose/drop").then().statusCode(204);

        assertThat(readToEnd(body)).as("the stream ended").isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = connect(token).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void recentSearchPagesNewestFirstFromSinceIdWithNextToken() throws Exception {
        given().post("/sandbox/x/firehose/posts?count=10").then().statusCode(200);
        List<String> before = given().get("/sandbox/x/firehose/ids").asString().lines().toList();
        String since = before.get(before.size() - 1);
        given().post("/sandbox/x/firehose/posts?count=250").then().statusCode(200);
        List<String> all = given().get("/sandbox/x/firehose/ids").asString().lines().toList();
        List<String> expected = new ArrayList<>(all.subList(10, all.size()));
        java.util.Collections.reverse(expected);

        List<String> found = new ArrayList<>();
        String nextToken = null;
        String newest = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", "Bearer " + token)
                    .queryParam("query", "@clearpost_demo OR @clearpost_news OR \"Information Commissioner\" OR "
                            + "\"data protection\"")
                    .queryParam("since_id", since).queryParam("max_results", 100);
            if (nextToken != null) {
                request.queryParam("next_token", nextToken);
            }
            JsonNode page = mapper.readTree(request.get("/2/tweets/search/recent").then().statusCode(200)
                    .header("x-rate-limit-limit", "450").extract().asString());
            page.path("data").forEach(t -> found.add(t.path("id").asText()));
            newest = newest == null ? page.path("meta").path("newest_id").asText() : newest;
            assertThat(page.path("meta").path("result_count").asInt()).isEqualTo(page.path("data").size());
            nextToken = page.path("meta").path("next_token").asText(null);
            pages++;
        } while (nextToken != null);

        assertThat(found).isEqualTo(expected);
        assertThat(pages).isEqualTo(3);
        assertThat(newest).isEqualTo(all.get(all.size() - 1));
    }

    @Test
    void recentSearchChecksItsParametersLikeX() {
        given().header("Authorization", "Bearer " + token).queryParam("query", "@clearpost_demo")
                .queryParam("max_results", 5).get("/2/tweets/search/recent").then().statusCode(400)
                .body("title", equalTo("Invalid Request")).body("errors[0].parameters.max_results[0]", equalTo("5"));
        given().header("Authorization", "Bearer " + token).get("/2/tweets/search/recent").then().statusCode(400)
                .body("errors[0].parameters.query.size()", equalTo(0));
        given().queryParam("query", "x").get("/2/tweets/search/recent").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).queryParam("query", "@nobody_here")
                .get("/2/tweets/search/recent").then().statusCode(200).body("meta.result_count", equalTo(0));
    }

    @Test
    void theMentionsTimelineHoldsOnlyThePostsMentioningThatAccount() throws Exception {
        given().post("/sandbox/x/firehose/posts?count=100").then().statusCode(200);

        List<JsonNode> found = new ArrayList<>();
        String token2 = null;
        do {
            var request = given().header("Authorization", "Bearer " + token).queryParam("max_results", 20);
            if (token2 != null) {
                request.queryParam("pagination_token", token2);
            }
            JsonNode page = mapper.readTree(request.get("/2/users/" + CLEARPOST_DEMO + "/mentions").then()
                    .statusCode(200).extract().asString());
            page.path("data").forEach(found::add);
            token2 = page.path("meta").path("next_token").asText(null);
        } while (token2 != null);

        // seq % 5 != 4 mentions an account, even seqs clearpost_demo: 40 of 100; every 20th post (seq 19, 39, ...)
        // is instead an edit of the one before (seq 18, 38, ...: clearpost_demo), so 40 originals and 5 edits
        assertThat(found).hasSize(45).allSatisfy(t -> assertThat(
                t.path("entities").path("mentions").get(0).path("id").asText()).isEqualTo(CLEARPOST_DEMO));
        assertThat(found.stream().map(t -> t.path("id").asText()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private HttpResponse<InputStream> connect(String appToken) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve(XStreamRoute.PATH
                        + "?tweet.fields=author_id,created_at,entities,lang&expansions=author_id"))
                .header("Authorization", "Bearer " + appToken).build(), HttpResponse.BodyHandlers.ofInputStream());
        open.add(response.body());
        return response;
    }

    /** Lines of the stream as they come ("" for a keep-alive), read on a daemon thread. */
    private static BlockingQueue<String> lines(InputStream body) {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);
        Thread reader = new Thread(() -> {
            StringBuilder line = new StringBuilder();
            try {
                int b;
                while ((b = body.read()) >= 0) {
                    if (b == '\n') {
                        lines.add(line.toString().replace("\r", ""));
                        line.setLength(0);
                    } else {
                        line.append((char) b);
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }, "x-stream-test-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static boolean readToEnd(InputStream body) {
        Thread reader = Thread.currentThread();
        try {
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (body.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true; // a reset is an end too
        }
    }
}
