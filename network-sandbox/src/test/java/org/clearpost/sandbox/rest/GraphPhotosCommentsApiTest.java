package org.clearpost.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.clearpost.sandbox.domain.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph photos, comments and link shares, and the shapes /sandbox/posts shows for them. */
@QuarkusTest
class GraphPhotosCommentsApiTest {

    private static final String PAGE = "104523456789099";
    private static final byte[] IMAGE = "\u00ff\u00d8\u00ff sandbox jpeg".getBytes(StandardCharsets.ISO_8859_1);

    private final String token = "page-token-" + UUID.randomUUID();

    @BeforeEach
    void reset() {
        given().delete("/sandbox/posts").then().statusCode(204);
    }

    @Test
    void photoUploadIsAPagePostWithTheBytesChecksumAndAltText() {
        Response response = given().multiPart("source", "park.jpg", IMAGE, "image/jpeg")
                .multiPart("message", "The park reopens on Saturday")
                .multiPart("alt_text_custom", "Children on the new swings")
                .multiPart("access_token", token)
                .post("/v21.0/" + PAGE + "/photos");

        response.then().statusCode(200).body("id", matchesPattern("\\d+"))
                .body("post_id", matchesPattern(PAGE + "_\\d+"));
        String postId = response.path("post_id");
        given().get("/sandbox/posts/" + postId).then().statusCode(200)
                .body("network", equalTo("facebook"))
                .body("kind", equalTo("PHOTO"))
                .body("account", equalTo(PAGE))
                .body("text", equalTo("The park reopens on Saturday"))
                .body("url", equalTo("https://www.facebook.com/" + postId))
                .body("media[0].mediaId", equalTo(response.path("id")))
                .body("media[0].sha256", equalTo(Tokens.sha256(IMAGE)))
                .body("media[0].altText", equalTo("Children on the new swings"));
    }

    @Test
    void unpublishedPhotosAttachedToAFeedPostAreOnePostWithAllOfThem() {
        byte[] second = "second photo".getBytes(StandardCharsets.UTF_8);
        String first = given().multiPart("source", "a.jpg", IMAGE, "image/jpeg").multiPart("published", "false")
                .multiPart("alt_text_custom", "First").multiPart("access_token", token)
                .post("/v21.0/" + PAGE + "/photos").then().statusCode(200)
                .body("post_id", equalTo(null)).extract().path("id");
        String other = given().multiPart("source", "b.jpg", second, "image/jpeg").multiPart("published", "false")
                .multiPart("access_token", token)
                .post("/v21.0/" + PAGE + "/photos").then().statusCode(200).extract().path("id");
        given().get("/sandbox/posts").then().body("size()", equalTo(0));

        String postId = given().formParam("message", "Two photos").formParam("access_token", token)
                .formParam("attached_media[0]", "{\"media_fbid\":\"" + first + "\"}")
                .formParam("attached_media[1]", "{\"media_fbid\":\"" + other + "\"}")
                .post("/v21.0/" + PAGE + "/feed").then().statusCode(200).extract().path("id");

        given().get("/sandbox/posts").then().body("size()", equalTo(1));
        given().get("/sandbox/posts/" + postId).then()
                .body("kind", equalTo("POST")).body("text", equalTo("Two photos"))
                .body("media.mediaId", org.hamcrest.Matchers.contains(first, other))
                .body("media[0].sha256", equalTo(Tokens.sha256(IMAGE)))
                .body("media[0].altText", equalTo("First"))
                .body("media[1].sha256", equalTo(Tokens.sha256(second)));
        // Attached once, a photo is no longer waiting: attaching it again is refused.
        given().formParam("access_token", token).formParam("attached_media[0]", "{\"media_fbid\":\"" + first + "\"}")
                .post("/" + PAGE + "/feed").then().statusCode(400).body("error.code", equalTo(100));
    }

    @Test
    void aPhotoWithoutSourceOrUrlIsCode324AndByUrlIsHeldWithItsUrl() {
        given().multiPart("message", "no file").multiPart("access_token", token)
                .post("/" + PAGE + "/photos").then().statusCode(400).body("error.code", equalTo(324));
        String postId = given().formParam("url", "https://example.gov.uk/park.jpg").formParam("access_token", token)
                .post("/" + PAGE + "/photos").then().statusCode(200).extract().path("post_id");
        given().get("/sandbox/posts/" + postId).then()
                .body("media[0].sourceUrl", equalTo("https://example.gov.uk/park.jpg"))
                .body("media[0].sha256", equalTo(null));
    }

    @Test
    void commentsAndRepliesToCommentsAreHeldOnTheirObject() {
        String postId = given().formParam("message", "Consultation open").formParam("access_token", token)
                .post("/v21.0/" + PAGE + "/feed").then().statusCode(200).extract().path("id");
        String comment = given().formParam("message", "Closes on Friday").formParam("access_token", token)
                .post("/v21.0/" + postId + "/comments").then().statusCode(200).extract().path("id");
        String reply = given().formParam("message", "Thanks for asking").formParam("access_token", token)
                .post("/" + comment + "/comments").then().statusCode(200).extract().path("id");

        String postPart = postId.substring(postId.indexOf('_') + 1);
        given().get("/sandbox/posts/" + comment).then()
                .body("kind", equalTo("COMMENT")).body("inReplyTo", equalTo(postId))
                .body("account", equalTo(PAGE)).body("text", equalTo("Closes on Friday"));
        given().get("/sandbox/posts/" + reply).then()
                .body("kind", equalTo("COMMENT")).body("inReplyTo", equalTo(comment));
        org.assertj.core.api.Assertions.assertThat(comment).startsWith(postPart + "_");
        org.assertj.core.api.Assertions.assertThat(reply).startsWith(postPart + "_");
        given().formParam("access_token", token).post("/" + postId + "/comments").then().statusCode(400)
                .body("error.code", equalTo(100));
        given().formParam("message", "no token").post("/" + postId + "/comments").then().statusCode(400)
                .body("error.code", equalTo(104));
    }

    @Test
    void aLinkToAHeldPostIsAShareOfIt() {
        String campaign = given().formParam("message", "Recycling week").formParam("access_token", token)
                .post("/" + PAGE + "/feed").then().statusCode(200).extract().path("id");
        String share = given().formParam("message", "Recycling week").formParam("access_token", "other-" + token)
                .formParam("link", "https://www.facebook.com/" + campaign)
                .post("/104999/feed").then().statusCode(200).extract().path("id");

        given().get("/sandbox/posts/" + share).then()
                .body("kind", equalTo("SHARE"))
                .body("repostOf", equalTo(campaign))
                .body("account", equalTo("104999"))
                .body("link", equalTo("https://www.facebook.com/" + campaign));
        given().get("/sandbox/posts/" + campaign).then().body("kind", equalTo("POST")).body("repostOf", equalTo(null));
    }
}
