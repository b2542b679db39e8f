package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.sandbox.domain.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X media upload with alt text, replies, users/me and reposts, and the shapes /sandbox/posts shows for them. */
@QuarkusTest
class XMediaRepostApiTest {

    private static final byte[] IMAGE = "\u0089PNG sandbox test image".getBytes(StandardCharsets.ISO_8859_1);

    private final String token = "x-token-" + UUID.randomUUID();

    @BeforeEach
    void reset() {
        given().delete("/sandbox/posts").then().statusCode(204);
    }

    @Test
    void usersMeAnswersTheRegisteredAccountOrAStableMadeUpOne() {
        String madeUp = given().header("Authorization", "Bearer " + token).get("/2/users/me").then()
                .statusCode(200)
                .body("data.username", equalTo("user_" + Tokens.fingerprint(token).substring(0, 8)))
                .body("data.id", matchesPattern("\\d+")).extract().path("data.id");

        given().contentType(ContentType.JSON).body(Map.of("token", token, "username", "@clearpost_gov"))
                .post("/sandbox/x/users").then().statusCode(200)
                .body("username", equalTo("clearpost_gov")).body("id", equalTo(madeUp));
        given().header("Authorization", "Bearer " + token).get("/2/users/me").then().statusCode(200)
                .body("data.id", equalTo(madeUp))
                .body("data.username", equalTo("clearpost_gov"))
                .header("x-rate-limit-remaining", "1");
        given().get("/2/users/me").then().statusCode(401);
    }

    @Test
    void uploadedImageWithAltTextIsAttachedAndHeldWithItsChecksum() {
        register("council_gov");
        Response uploaded = given().header("Authorization", "Bearer " + token)
                .multiPart("media", "bins.png", IMAGE, "image/png")
                .multiPart("media_category", "tweet_image")
                .post("/2/media/upload");
        uploaded.then().statusCode(200).body("data.id", matchesPattern("\\d+"))
                .body("data.media_key", matchesPattern("3_\\d+"))
                .body("data.size", equalTo(IMAGE.length))
                .header("x-rate-limit-remaining", "2");
        String mediaId = uploaded.path("data.id");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", mediaId, "metadata", Map.of("alt_text", Map.of("text", "A green wheelie bin"))))
                .post("/2/media/metadata").then().statusCode(200)
                .body("data.id", equalTo(mediaId))
                .body("data.associated_metadata.alt_text.text", equalTo("A green wheelie bin"));

        String id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "Bins go out on Tuesday", "media", Map.of("media_ids", List.of(mediaId))))
                .post("/2/tweets").then().statusCode(201).extract().path("data.id");

        given().get("/sandbox/posts/" + id).then().statusCode(200)
                .body("network", equalTo("x"))
                .body("kind", equalTo("POST"))
                .body("account", equalTo("council_gov"))
                .body("url", equalTo("https://x.com/council_gov/status/" + id))
                .body("media.size()", equalTo(1))
                .body("media[0].mediaId", equalTo(mediaId))
                .body("media[0].sha256", equalTo(Tokens.sha256(IMAGE)))
                .body("media[0].sizeBytes", equalTo(IMAGE.length))
                .body("media[0].contentType", equalTo("image/png"))
                .body("media[0].altText", equalTo("A green wheelie bin"));
    }

    @Test
    void mediaOfAnotherTokenOrUnknownIdsAreInvalid() {
        String mediaId = given().header("Authorization", "Bearer other-" + token)
                .multiPart("media", "a.png", IMAGE, "image/png").multiPart("media_category", "tweet_image")
                .post("/2/media/upload").then().statusCode(200).extract().path("data.id");

        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "Not my image", "media", Map.of("media_ids", List.of(mediaId))))
                .post("/2/tweets").then().statusCode(400)
                .body("title", equalTo("Invalid Request"))
                .body("errors[0].message", equalTo("Your media IDs are invalid."));
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", "123", "metadata", Map.of("alt_text", Map.of("text", "x"))))
                .post("/2/media/metadata").then().statusCode(400);
        given().header("Authorization", "Bearer " + token).multiPart("media_category", "tweet_image")
                .post("/2/media/upload").then().statusCode(400)
                .body("errors[0].message", equalTo("The `media` field is required."));
        given().get("/sandbox/posts").then().body("size()", equalTo(0));
    }

    @Test
    void repliesAndQuotesAreHeldWithTheirKind() {
        String first = tweetText("Part one");
        String reply = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "Part two", "reply", Map.of("in_reply_to_tweet_id", first)))
                .post("/2/tweets").then().statusCode(201).extract().path("data.id");
        String quote = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", "Worth reading", "quote_tweet_id", first))
                .post("/2/tweets").then().statusCode(201).extract().path("data.id");

        given().get("/sandbox/posts/" + reply).then().body("kind", equalTo("REPLY")).body("inReplyTo", equalTo(first));
        given().get("/sandbox/posts/" + quote).then().body("kind", equalTo("QUOTE")).body("quoteOf", equalTo(first))
                .body("repostOf", equalTo(first));
    }

    @Test
    void aRepostInTheNameOfAnotherUserIsForbidden() {
        String campaign = tweetText("Campaign launch");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("tweet_id", campaign))
                .post("/2/users/2244994945/retweets").then().statusCode(403)
                .body("detail", equalTo("You are not permitted to perform this action."));
        given().get("/sandbox/posts").then().body("size()", equalTo(1));
    }

    private void register(String username) {
        given().contentType(ContentType.JSON).body(Map.of("token", token, "username", username))
                .post("/sandbox/x/users").then().statusCode(200);
    }

    private String tweetText(String text) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/2/tweets").then().statusCode(201).extract().path("data.id");
    }
}
