package org.clearpost.sandbox.youtube;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** commentThreads.list as a poller meets it: newest first, page tokens, Google's error shapes, the daily quota. */
@QuarkusTest
class YouTubeApiTest {

    private static final String KEY = "sandbox-youtube-api-key";
    private static final String CHANNEL = "UCclearpostSandbox0000001";

    @Inject
    YouTubeFirehose firehose;

    @BeforeEach
    void reset() {
        given().delete("/sandbox/firehose").then().statusCode(204);
    }

    @Test
    void pagesNewestFirstWithPageTokens() {
        firehose.make(45);
        List<String> ids = new ArrayList<>();
        List<String> published = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonPath page = given().queryParam("key", KEY).queryParam("part", "snippet")
                    .queryParam("allThreadsRelatedToChannelId", CHANNEL).queryParam("order", "time")
                    .queryParam("maxResults", 20).queryParam("pageToken", token == null ? "" : token)
                    .get("/youtube/v3/commentThreads").then().statusCode(200)
                    .body("kind", equalTo("youtube#commentThreadListResponse")).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            published.addAll(page.getList("items.snippet.topLevelComment.snippet.publishedAt"));
            assertThat(page.getString("items[0].snippet.topLevelComment.snippet.textDisplay")).contains("&amp;");
            token = page.getString("nextPageToken");
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(45).doesNotHaveDuplicates().allMatch(id -> id.startsWith("Ugz") && id.length() == 26);
        assertThat(ids.get(0)).isEqualTo(YouTubeFirehose.threadId(firehose.make(0)));
        assertThat(published).isSortedAccordingTo((a, b) -> b.compareTo(a));
        String plain = given().queryParam("key", KEY).queryParam("part", "snippet,replies")
                .queryParam("allThreadsRelatedToChannelId", CHANNEL).queryParam("textFormat", "plainText")
                .get("/youtube/v3/commentThreads").then().statusCode(200).extract().jsonPath()
                .getString("items[0].snippet.topLevelComment.snippet.textDisplay");
        assertThat(plain).contains("bins & recycling <today>?");
    }

    @Test
    void answersGooglesErrors() {
        given().queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                .get("/youtube/v3/commentThreads").then().statusCode(403).body("error.errors[0].reason", equalTo("forbidden"));
        given().queryParam("key", "wrong").queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                .get("/youtube/v3/commentThreads").then().statusCode(400).body("error.code", equalTo(400));
        given().queryParam("key", KEY).queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", "UCother")
                .get("/youtube/v3/commentThreads").then().statusCode(404)
                .body("error.errors[0].reason", equalTo("channelNotFound"));
        given().queryParam("key", KEY).queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                .queryParam("maxResults", 101).get("/youtube/v3/commentThreads").then().statusCode(400)
                .body("error.errors[0].location", equalTo("maxResults"));
        given().queryParam("key", KEY).queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                .queryParam("pageToken", "!!").get("/youtube/v3/commentThreads").then().statusCode(400)
                .body("error.errors[0].reason", equalTo("invalidPageToken"));
    }

    @Test
    void refusesOnceTheDaysQuotaIsSpent() {
        // the test profile's quota is 30 units; each call costs one
        for (int i = 0; i < 30; i++) {
            given().queryParam("key", KEY).queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                    .get("/youtube/v3/commentThreads").then().statusCode(200);
        }
        given().queryParam("key", KEY).queryParam("part", "snippet").queryParam("allThreadsRelatedToChannelId", CHANNEL)
                .get("/youtube/v3/commentThreads").then().statusCode(403)
                .body("error.errors[0].reason", equalTo("quotaExceeded"))
                .body("error.errors[0].domain", equalTo("youtube.quota"));
    }
}
