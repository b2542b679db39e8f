package org.clearpost.sandbox.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The X and Graph metrics reads over posts made through the sandbox, aged through its own API. */
@QuarkusTest
@TestProfile(MetricsApiTest.Withdrawn.class)
class MetricsApiTest {

    /** post_clicks_by_type withdrawn as well, as Meta might next. */
    public static class Withdrawn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearpost.sandbox.metrics.facebook-withdrawn-metrics", "post_clicks");
        }
    }

    private static String tweet(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "Metrics " + UUID.randomUUID())).post("/2/tweets")
                .then().statusCode(201).extract().path("data.id");
    }

    private static void age(String id, Duration age) {
        given().contentType(ContentType.JSON)
                .body(Map.of("publishedAt", Instant.now().minus(age).toString()))
                .put("/sandbox/posts/" + id + "/published-at").then().statusCode(200);
    }

    private static Response expected(String id, String age) {
        return given().queryParam("age", age).get("/sandbox/posts/" + id + "/metrics");
    }

    private static Response lookup(String token, String ids, String fields) {
        return given().header("Authorization", "Bearer " + token).queryParam("ids", ids)
                .queryParam("tweet.fields", fields).get("/2/tweets");
    }

    @Test
    void xAnswersPublicAndNonPublicMetricsToTheAuthorOfAPostUnder30Days() {
        String token = "x-metrics-" + UUID.randomUUID();
        String id = tweet(token);
        age(id, Duration.ofHours(26).plusMinutes(1));
        Response counts = expected(id, "PT26H");

        Response read = lookup(token, id, "public_metrics,non_public_metrics,organic_metrics");

        read.then().statusCode(200)
                .body("data[0].id", equalTo(id))
                .body("data[0].public_metrics.impression_count", equalTo(counts.path("views")))
                .body("data[0].public_metrics.like_count", equalTo(counts.path("likes")))
                .body("data[0].public_metrics.retweet_count", equalTo(counts.path("reposts")))
                .body("data[0].public_metrics.reply_count", equalTo(counts.path("replies")))
                .body("data[0].public_metrics.quote_count", equalTo(counts.path("quotes")))
                .body("data[0].public_metrics.bookmark_count", equalTo(counts.path("bookmarks")))
                .body("data[0].non_public_metrics.url_link_clicks", equalTo(counts.path("linkClicks")))
                .body("data[0].non_public_metrics.user_profile_clicks", equalTo(counts.path("profileClicks")))
                .body("data[0].non_public_metrics.engagements", equalTo(counts.path("engagements")))
                .body("data[0].organic_metrics.url_link_clicks", equalTo(counts.path("linkClicks")))
                .body("$", not(hasKey("errors")));
        assertThat(((Number) counts.path("views")).longValue()).isPositive();
    }

    @Test
    void metricsGrowWithTheAgeOfThePost() {
        String token = "x-metrics-" + UUID.randomUUID();
        String id = tweet(token);
        age(id, Duration.ofHours(1).plusMinutes(1));
        long early = ((Number) lookup(token, id, "public_metrics").path("data[0].public_metrics.impression_count"))
                .longValue();
        age(id, Duration.ofDays(7).plusMinutes(1));
        long later = ((Number) lookup(token, id, "public_metrics").path("data[0].public_metrics.impression_count"))
                .longValue();

        assertThat(early).isPositive();
        assertThat(later).isGreaterThan(early);
    }

    @Test
    void xRefusesNonPublicMetricsOfAPostOver30DaysOldButGivesThePublicOnes() {
        String token = "x-metrics-" + UUID.randomUUID();
        String id = tweet(token);
        age(id, Duration.ofDays(31));

        lookup(token, id, "public_metrics,non_public_metrics").then().statusCode(200)
                .body("$", not(hasKey("data")))
                .body("errors[0].title", equalTo("Field Authorization Error"))
                .body("errors[0].parameter", equalTo("non_public_metrics"))
                .body("errors[0].resource_id", equalTo(id))
                .body("errors[0].type", equalTo("https://api.twitter.com/2/problems/not-authorized-for-field"));
        lookup(token, id, "public_metrics").then().statusCode(200)
                .body("data[0].public_metrics.impression_count", equalTo(expected(id, "P31D").path("views")));
    }

    @Test
    void xGivesNonPublicMetricsOnlyToTheAuthorsUserToken() {
        String author = "x-metrics-" + UUID.randomUUID();
        String id = tweet(author);
        String someoneElse = "x-app-" + UUID.randomUUID();

        lookup(someoneElse, id, "public_metrics,non_public_metrics").then().statusCode(200)
                .body("errors[0].title", equalTo("Field Authorization Error"));
        lookup(someoneElse, id, "public_metrics").then().statusCode(200).body("data[0].id", equalTo(id));
    }

    @Test
    void aDeletedXPostIsNotFound() {
        String token = "x-metrics-" + UUID.randomUUID();
        String id = tweet(token);
        given().delete("/sandbox/posts/" + id).then().statusCode(204);

        lookup(token, id, "public_metrics").then().statusCode(200)
                .body("errors[0].title", equalTo("Not Found Error"))
                .body("errors[0].detail", equalTo("Could not find tweet with ids: [" + id + "]."));
    }

    @Test
    void scriptedFailuresComeFirstThenTheUsualAnswer() {
        String token = "x-metrics-" + UUID.randomUUID();
        String id = tweet(token);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "status", 503, "times", 1))
                .post("/sandbox/faults").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "status", 429, "times", 1))
                .post("/sandbox/faults").then().statusCode(204);

        lookup(token, id, "public_metrics").then().statusCode(503);
        lookup(token, id, "public_metrics").then().statusCode(429).header("x-rate-limit-remaining", "0");
        lookup(token, id, "public_metrics").then().statusCode(200);
    }

    @Test
    void graphAnswersCurrentInsightsAndTheReactionCommentShareCounts() {
        String token = "page-token-" + UUID.randomUUID();
        String id = given().contentType(ContentType.URLENC).formParam("message", "Metrics " + UUID.randomUUID())
                .formParam("access_token", token).post("/v21.0/100200300999/feed")
                .then().statusCode(200).extract().path("id");
        age(id, Duration.ofDays(7).plusMinutes(1));
        Response counts = expected(id, "P7D");

        given().queryParam("metric", "post_media_view,post_total_media_view_unique,post_clicks_by_type")
                .queryParam("access_token", token).get("/v21.0/" + id + "/insights")
                .then().statusCode(200)
                .body("data[0].name", equalTo("post_media_view"))
                .body("data[0].period", equalTo("lifetime"))
                .body("data[0].values[0].value", equalTo(counts.path("views")))
                .body("data[1].values[0].value", equalTo(counts.path("viewers")))
                .body("data[2].values[0].value.'link clicks'", equalTo(counts.path("linkClicks")));
        given().queryParam("fields", "reactions.limit(0).summary(true),comments.limit(0).summary(true),shares")
                .queryParam("access_token", token).get("/v21.0/" + id)
                .then().statusCode(200)
                .body("reactions.summary.total_count", equalTo(counts.path("likes")))
                .body("comments.summary.total_count", equalTo(counts.path("replies")))
                .body("shares.count", equalTo(counts.path("reposts")))
                .body("id", equalTo(id));
    }

    @Test
    void graphRefusesTheWholeRequestWhenOneMetricIsWithdrawn() {
        String token = "page-token-" + UUID.randomUUID();
        String id = given().contentType(ContentType.URLENC).formParam("message", "Metrics " + UUID.randomUUID())
                .formParam("access_token", token).post("/v21.0/100200300999/feed")
                .then().statusCode(200).extract().path("id");

        for (String withdrawn : new String[] {"post_impressions", "post_impressions_unique", "post_clicks"}) {
            given().queryParam("metric", "post_media_view," + withdrawn).queryParam("access_token", token)
                    .get("/v21.0/" + id + "/insights")
                    .then().statusCode(400)
                    .body("error.message", equalTo("(#100) The value must be a valid insights metric"))
                    .body("error.type", equalTo("OAuthException"))
                    .body("error.code", equalTo(100))
                    .body("error.fbtrace_id", org.hamcrest.Matchers.notNullValue());
        }
        given().queryParam("metric", "post_media_view").queryParam("access_token", token)
                .get("/v21.0/" + id + "/insights").then().statusCode(200);
    }

    @Test
    void aDeletedPagePostIsAnUnsupportedGetRequest() {
        String token = "page-token-" + UUID.randomUUID();
        String id = given().contentType(ContentType.URLENC).formParam("message", "Metrics " + UUID.randomUUID())
                .formParam("access_token", token).post("/v21.0/100200300999/feed")
                .then().statusCode(200).extract().path("id");
        given().delete("/sandbox/posts/" + id).then().statusCode(204);

        given().queryParam("metric", "post_media_view").queryParam("access_token", token)
                .get("/v21.0/" + id + "/insights")
                .then().statusCode(400).body("error.code", equalTo(100)).body("error.error_subcode", equalTo(33));
    }
}
