package org.clearpost.sandbox.linkedin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The sandbox's LinkedIn Posts API as a client meets it, over real HTTP (the test profile caps 3 posts a day). */
@QuarkusTest
class LinkedInApiTest {

    private final String author = "urn:li:organization:" + ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);

    @Test
    void aCallWithoutAVersionOrWithARetiredOneIsRefusedAsLinkedInDoes() {
        given().header("X-Restli-Protocol-Version", "2.0.0").auth().oauth2("test-token")
                .contentType("application/json").body(post("no version"))
                .post("/linkedin/rest/posts")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("VERSION_MISSING"));
        String code = linkedIn("202301").body(post("old")).post("/linkedin/rest/posts")
                .then().statusCode(426).extract().path("code");
        assertThat(code).isEqualTo("NONEXISTENT_VERSION");
    }

    @Test
    void unescapedReservedCharactersCutTheTextEscapedOnesShowAsWritten() {
        String id = UUID.randomUUID().toString();
        String urn = linkedIn("202611").body(post("Open day \\(Saturday\\) #" + id + " and more"))
                .post("/linkedin/rest/posts").then().statusCode(201).extract().header("x-restli-id");

        String shown = given().get("/sandbox/posts/" + urn).then().statusCode(200).extract().path("text");
        assertThat(shown).isEqualTo("Open day (Saturday) ");
        String listed = linkedIn("202611").queryParam("q", "author").queryParam("author", author)
                .get("/linkedin/rest/posts").then().statusCode(200).extract().path("elements[0].commentary");
        assertThat(listed).isEqualTo("Open day \\(Saturday\\) ");
    }

    @Test
    void theSameTextTwiceIsADuplicateAndTheDayIsCapped() {
        String text = "Library hours " + UUID.randomUUID();
        linkedIn("202611").body(post(text)).post("/linkedin/rest/posts").then().statusCode(201);

        String code = linkedIn("202611").body(post(text)).post("/linkedin/rest/posts").then().statusCode(422)
                .extract().path("errorDetails.inputErrors[0].code");
        assertThat(code).isEqualTo("DUPLICATE_POST");

        linkedIn("202611").body(post("second " + text)).post("/linkedin/rest/posts").then().statusCode(201);
        linkedIn("202611").body(post("third " + text)).post("/linkedin/rest/posts").then().statusCode(201);
        String capped = linkedIn("202611").body(post("fourth " + text)).post("/linkedin/rest/posts").then()
                .statusCode(429).extract().path("code");
        assertThat(capped).isEqualTo("TOO_MANY_REQUESTS");
    }

    private RequestSpecification linkedIn(String version) {
        return given().header("LinkedIn-Version", version).header("X-Restli-Protocol-Version", "2.0.0")
                .auth().oauth2("test-token").contentType("application/json");
    }

    private Map<String, Object> post(String commentary) {
        return Map.of("author", author, "commentary", commentary, "visibility", "PUBLIC",
                "distribution", Map.of("feedDistribution", "MAIN_FEED"), "lifecycleState", "PUBLISHED");
    }
}
