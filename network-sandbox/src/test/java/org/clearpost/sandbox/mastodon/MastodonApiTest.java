package org.clearpost.sandbox.mastodon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mastodon notifications API and SSE stream as a client meets them, over real HTTP. */
@QuarkusTest
class MastodonApiTest {

    private static final String TOKEN = "sandbox-mastodon-user-token";
    private static final Pattern PREV = Pattern.compile("<([^>]+)>; rel=\"prev\"");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @TestHTTPResource("/")
    URI base;

    @Inject
    MastodonFirehose firehose;

    @BeforeEach
    void reset() {
        given().delete("/sandbox/firehose").then().statusCode(204);
    }

    @Test
    void needsTheUserToken() {
        given().get("/api/v1/notifications").then().statusCode(401).body("error", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer another").get("/api/v1/notifications").then().statusCode(401);
        HttpResponse<String> stream = send(HttpRequest.newBuilder(base.resolve("/api/v1/streaming/user/notification"))
                .header("Authorization", "Bearer another").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(401);
    }

    @Test
    void pagesForwardFromMinIdThroughTheLinkHeader() {
        long last = firehose.make(100);
        long first = last - 99;
        List<Long> seen = new ArrayList<>();
        String url = "/api/v1/notifications?types[]=mention&limit=30&min_id=" + (first - 1);
        while (true) {
            ExtractableResponse<Response> page = given().header("Authorization", "Bearer " + TOKEN).urlEncodingEnabled(false)
                    .get(url).then().statusCode(200)
                    .header("X-RateLimit-Limit", "300")
                    .extract();
            List<String> ids = page.jsonPath().getList("id", String.class);
            if (ids.isEmpty()) {
                assertThat(page.header("Link")).isNull();
                break;
            }
            // newest first within the page, and the page is the one just after the cursor
            List<Long> numbers = ids.stream().map(Long::parseLong).toList();
            assertThat(numbers).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            List<Long> ascending = new ArrayList<>(numbers);
            java.util.Collections.reverse(ascending);
            seen.addAll(ascending);
            assertThat(page.jsonPath().getString("[0].type")).isEqualTo("mention");
            assertThat(page.jsonPath().getString("[0].status.content")).contains("class=\"u-url mention\"");
            assertThat(page.header("X-RateLimit-Reset")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            Matcher prev = PREV.matcher(page.header("Link"));
            Matcher next = NEXT.matcher(page.header("Link"));
            assertThat(prev.find()).isTrue();
            assertThat(next.find()).isTrue();
            assertThat(prev.group(1)).contains("min_id=" + ids.get(0)).contains("types%5B%5D=mention");
            assertThat(next.group(1)).contains("max_id=" + ids.get(ids.size() - 1));
            url = URI.create(prev.group(1)).getRawPath() + "?" + URI.create(prev.group(1)).getRawQuery();
        }
        assertThat(seen).hasSize(100).first().isEqualTo(first);
        assertThat(seen).last().isEqualTo(last);
        assertThat(seen).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void maxIdAndSinceIdPageBackwardsNewestFirst() {
        long last = firehose.make(10);
        List<String> newest = given().header("Authorization", "Bearer " + TOKEN).queryParam("limit", 3)
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(newest).containsExactly(Long.toString(last), Long.toString(last - 1), Long.toString(last - 2));
        // since_id gives the newest above it, not the ones just after it: the reason catch-up pages with min_id
        List<String> since = given().header("Authorization", "Bearer " + TOKEN).queryParam("limit", 2)
                .queryParam("since_id", last - 9).get("/api/v1/notifications").then().extract().jsonPath()
                .getList("id", String.class);
        assertThat(since).containsExactly(Long.toString(last), Long.toString(last - 1));
        List<String> older = given().header("Authorization", "Bearer " + TOKEN).queryParam("max_id", last - 2)
                .queryParam("limit", 2).get("/api/v1/notifications").then().extract().jsonPath().getList("id", String.class);
        assertThat(older).containsExactly(Long.toString(last - 3), Long.toString(last - 4));
        assertThat(given().header("Authorization", "Bearer " + TOKEN).queryParam("types[]", "favourite")
                .get("/api/v1/notifications").then().extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void streamsEveryNotificationWithHeartbeatsAndDropsOnRequest() throws Exception {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(
                base.resolve("/api/v1/streaming/user/notification")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        long last = firehose.make(5);
        List<String> events = new ArrayList<>();
        List<String> data = new ArrayList<>();
        int heartbeats = 0;
        Instant deadline = Instant.now().plusSeconds(20);
        while ((data.size() < 5 || heartbeats == 0) && Instant.now().isBefore(deadline)) {
            String line = reader.readLine();
            assertThat(line).isNotNull();
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            } else if (line.equals(":thump")) {
                heartbeats++;
            }
        }
        assertThat(events).hasSize(5).containsOnly("notification");
        assertThat(data.get(4)).startsWith("{\"id\":\"" + last + "\",\"type\":\"mention\"");
        assertThat(heartbeats).isPositive();

        given().contentType("application/json").body("{\"networks\":[\"mastodon\"]}").post("/sandbox/firehose/drop")
                .then().statusCode(204);
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                while (reader.readLine() != null) {
                    // heartbeats still queued before the close
                }
                return true;
            } catch (java.io.IOException e) {
                return true;
            }
        });
        assertThat(ended.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .build().send(request, handler);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
