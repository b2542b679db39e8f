package org.clearpost.sandbox.firehose;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A burst whose first mentions are near-duplicates of one text, as X and Mastodon clients read them back. */
@QuarkusTest
class SimilarBurstTest {

    private static final String TEXT = "Why is the regulator ignoring the data breach at Northtown council again";

    @BeforeEach
    void reset() {
        given().delete("/sandbox/firehose").then().statusCode(204);
    }

    private static io.restassured.response.ValidatableResponse burst(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/sandbox/firehose/burst").then();
    }

    @Test
    void theFirstMentionsOfEachNetworkSayVariationsOfTheText() {
        burst(Map.of("networks", List.of("x", "mastodon"), "perSecond", 60, "seconds", 1,
                "similar", Map.of("text", TEXT, "count", 12)))
                .statusCode(202).body("similarEach", equalTo(12)).body("perSecondEach", equalTo(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Map<String, Number> made = given().get("/sandbox/firehose").then().extract().jsonPath().getMap("");
            // X counts originals: a few of its 30 posts are edits of the one before.
            return made.get("x").longValue() >= 24 && made.get("mastodon").longValue() >= 30;
        });

        List<String> posts = given().header("Authorization", "Bearer x-app-" + UUID.randomUUID())
                .queryParam("query", "regulator").queryParam("max_results", 100).get("/2/tweets/search/recent")
                .then().statusCode(200).extract().jsonPath().getList("data.text", String.class);
        List<String> originals = posts.stream().filter(t -> !t.endsWith("(edited)")).toList();
        assertThat(originals).hasSize(12).allSatisfy(t -> assertThat(t).startsWith("@clearpost_"));
        assertThat(originals).anySatisfy(t -> assertThat(t).endsWith(" " + TEXT));
        assertThat(originals).anySatisfy(t -> assertThat(t).contains("WHY is"));
        assertThat(originals.stream().distinct().count()).isGreaterThan(8);

        List<String> statuses = given().header("Authorization", "Bearer sandbox-mastodon-user-token")
                .queryParam("limit", 40).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("status.content", String.class);
        assertThat(statuses.stream().filter(c -> c.toLowerCase().contains("regulator"))).hasSize(12);
        assertThat(statuses).anySatisfy(c -> assertThat(c).contains("</span></a></span> " + TEXT + "</p>"));
    }

    @Test
    void variationsAreNearDuplicates() {
        List<String> texts = SimilarTexts.variations(TEXT, 20);
        assertThat(texts.get(0)).isEqualTo(TEXT);
        assertThat(texts).hasSize(20).allSatisfy(t -> assertThat(t.split(" ").length)
                .isBetween(TEXT.split(" ").length - 1, TEXT.split(" ").length + 4));
        assertThat(texts.stream().distinct().count()).isEqualTo(20);
    }

    @Test
    void aSimilarBurstNeedsATextNetworksThatCanSayItAndACountWithinTheBurst() {
        burst(Map.of("networks", List.of("facebook"), "perSecond", 10, "seconds", 1,
                "similar", Map.of("text", TEXT))).statusCode(400).body("error", containsString("similar"));
        burst(Map.of("perSecond", 10, "seconds", 1, "similar", Map.of("text", " ")))
                .statusCode(400).body("error", containsString("similar.text"));
        burst(Map.of("networks", List.of("x"), "perSecond", 10, "seconds", 1,
                "similar", Map.of("text", TEXT, "count", 11))).statusCode(400)
                .body("error", containsString("similar.count must be 1-10"));
        // No networks named: only those that can say it.
        burst(Map.of("perSecond", 10, "seconds", 1, "similar", Map.of("text", TEXT, "count", 2)))
                .statusCode(202).body("networks", containsInAnyOrder("mastodon", "x"));
    }
}
