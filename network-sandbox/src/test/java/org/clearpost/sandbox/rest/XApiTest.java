package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.sandbox.domain.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test profile sets the X limit to 3 per window. */
@QuarkusTest
class XApiTest {

    private final String token = "x-token-" + UUID.randomUUID();

    @BeforeEach
    void reset() {
        given().delete("/sandbox/posts").then().statusCode(204);
    }

    private static Response tweet(String token, Object body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post("/2/tweets");
    }

    @Test
    void createdPostIsAnsweredLikeXAndHeldForInspection() {
        Response created = tweet(token, Map.of("text", "Roadworks on the A1 tonight",
                "reply", Map.of("in_reply_to_tweet_id", "1346889436626259968"),
                "quote_tweet_id", "1346889436626259000"));

        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("data.id", matchesPattern("\\d{15,19}"))
                .body("data.text", equalTo("Roadworks on the A1 tonight"))
                .header("x-rate-limit-limit", "3")
                .header("x-rate-limit-remaining", "2");
        assertThat(Long.parseLong(created.header("x-rate-limit-reset")))
                .isGreaterThan(Instant.now().getEpochSecond());
        String id = created.path("data.id");

        Response held = given().queryParam("network", "x").get("/sandbox/posts");
        held.then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].network", equalTo("x"))
                .body("[0].id", equalTo(id))
                .body("[0].text", equalTo("Roadworks on the A1 tonight"))
                .body("[0].inReplyTo", equalTo("1346889436626259968"))
                .body("[0].quoteOf", equalTo("1346889436626259000"))
                .body("[0].tokenFingerprint", equalTo(Tokens.fingerprint(token)))
                .body("[0].receivedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        // Only the fingerprint is kept: the raw token must not come back out.
        assertThat(held.asString()).doesNotContain(token);
        given().get("/sandbox/posts/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void missingBlankOrExpiredTokenIs401InXsShape() {
        for (String authorization : List.of("", "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz",
                "Bearer " + Tokens.EXPIRED_PREFIX + "-1")) {
            var request = given().contentType(ContentType.JSON).body(Map.of("text", "hello"));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            request.post("/2/tweets").then().statusCode(401)
                    .body("title", equalTo("Unauthorized"))
                    .body("type", equalTo("about:blank"))
                    .body("status", equalTo(401))
                    .body("detail", equalTo("Unauthorized"));
        }
        given().get("/sandbox/posts").then().body("size()", equalTo(0));
    }

    @Test
    void exactDuplicateFromTheSameTokenIs403() {
        tweet(token, Map.of("text", "Same words")).then().statusCode(201);

        tweet(token, Map.of("text", "Same words")).then().statusCode(403)
                .header("x-rate-limit-remaining", "1")
                .body("title", equalTo("Forbidden"))
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(403))
                .body("detail", equalTo("You are not allowed to create a Tweet with duplicate content."));
        // Another account may say the same thing; a different text from the first is fine too.
        tweet("other-" + token, Map.of("text", "Same words")).then().statusCode(201);
        tweet(token, Map.of("text", "Same words!")).then().statusCode(201);
    }

    @Test
    void emptyTooLongOrUnreadableTextIs400InXsShape() {
        tweet(token, Map.of("text", "")).then().statusCode(400)
                .body("title", equalTo("Invalid Request"))
                .body("detail", equalTo("One or more parameters to your request was invalid."))
                .body("type", equalTo("https://api.twitter.com/2/problems/invalid-request"))
                .body("errors[0].message", matchesPattern(".*text.*"));
        String tooLong = "a".repeat(281);
        tweet("t2-" + token, Map.of("text", tooLong)).then().statusCode(400)
                .body("errors[0].parameters.text[0]", equalTo(tooLong));
        tweet("t3-" + token, "{not json").then().statusCode(400).body("title", equalTo("Invalid Request"));
        tweet("t4-" + token, Map.of("text", "a".repeat(280))).then().statusCode(201);
    }

    @Test
    void rateHeadersCountDownThen429UntilReset() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            tweet(token, Map.of("text", "post " + remaining)).then().statusCode(201)
                    .header("x-rate-limit-remaining", String.valueOf(remaining));
        }

        Response limited = tweet(token, Map.of("text", "one too many"));
        limited.then().statusCode(429)
                .header("x-rate-limit-limit", "3")
                .header("x-rate-limit-remaining", "0")
                .body("title", equalTo("Too Many Requests"))
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(429))
                .body("detail", equalTo("Too Many Requests"));
        assertThat(Long.parseLong(limited.header("x-rate-limit-reset")))
                .isGreaterThan(Instant.now().getEpochSecond());
        // Counted per token: another account is unaffected.
        tweet("other-" + token, Map.of("text", "fine")).then().statusCode(201);

        given().delete("/sandbox/posts").then().statusCode(204);
        tweet(token, Map.of("text", "after reset")).then().statusCode(201).header("x-rate-limit-remaining", "2");
    }

    @Test
    void repostAnswersRetweetedAndIsHeldOnce() {
        String userId = given().header("Authorization", "Bearer " + token).get("/2/users/me").then()
                .statusCode(200).extract().path("data.id");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("tweet_id", "1346889436626259968"))
                    .post("/2/users/" + userId + "/retweets")
                    .then().statusCode(200)
                    .body("data.retweeted", equalTo(true))
                    .header("x-rate-limit-remaining", String.valueOf(2 - i));
        }
        given().get("/sandbox/posts").then()
                .body("size()", equalTo(1))
                .body("[0].retweetOf", equalTo("1346889436626259968"))
                .body("[0].repostOf", equalTo("1346889436626259968"))
                .body("[0].kind", equalTo("REPOST"))
                .body("[0].text", equalTo(null));

        given().contentType(ContentType.JSON).body(Map.of("tweet_id", "1"))
                .post("/2/users/2244994945/retweets").then().statusCode(401);
    }
}
