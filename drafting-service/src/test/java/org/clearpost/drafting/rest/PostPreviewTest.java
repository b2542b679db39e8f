package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.PostMother;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** {@code POST /posts/preview}: a composer's live preview, assessed by the same rules as a saved post, never saved. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostPreviewTest {

    private static JsonPath preview(Map<String, Object> body) {
        return given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts/preview").then().statusCode(200).extract().jsonPath();
    }

    private static long postsWithText(String text) {
        return Long.parseLong(given().auth().oauth2(PostMother.drafterToken()).queryParam("text", text)
                .get("/posts").then().statusCode(200).extract().header(PostResource.TOTAL_COUNT));
    }

    @Test
    void aTextTooLongForXIsCountedAndPlacedAsXCountsItAndNothingIsSaved() {
        String marker = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        // 270 characters and a link: X counts the link (tagged, so longer still) as 23, giving 294 of 280.
        String text = marker + " " + "a".repeat(270 - marker.length() - 1) + " https://ico.org.uk/sar";
        JsonPath preview = preview(PostMother.post(text, PostMother.target("X", "clearpost_demo"),
                PostMother.target("FACEBOOK", "1234567890")));

        assertThat(preview.getString("targets[0].rendered.text"))
                .endsWith("https://ico.org.uk/sar?utm_source=x&utm_medium=social");
        assertThat(preview.getString("targets[1].rendered.text"))
                .endsWith("https://ico.org.uk/sar?utm_source=facebook&utm_medium=social");
        Map<String, Object> x = preview.getMap("targets[0].counters[0]");
        assertThat(x).containsEntry("field", "targets[0].text").containsEntry("used", 294).containsEntry("limit", 280)
                .containsEntry("unit", "weighted characters").containsEntry("over", true);
        Map<String, Object> facebook = preview.getMap("targets[1].counters[0]");
        assertThat(facebook).containsEntry("field", "targets[1].text").containsEntry("limit", 63206)
                .containsEntry("over", false);
        assertThat((Integer) facebook.get("used")).isEqualTo(
                preview.getString("targets[1].rendered.text").length());

        Map<String, Object> tooLong = preview.getMap("targets[0].problems[0]");
        assertThat(tooLong).containsEntry("code", "TOO_LONG").containsEntry("severity", "ERROR")
                .containsEntry("field", "targets[0].text");
        // The problem starts at the link, the first thing X would not take, and runs to the end of the rendered text.
        assertThat((Integer) tooLong.get("start")).isEqualTo(text.indexOf("https://"));
        assertThat((Integer) tooLong.get("end")).isEqualTo(preview.getString("targets[0].rendered.text").length());
        assertThat(preview.getList("targets[1].problems")).isEmpty();
        assertThat(preview.getList("problems")).hasSize(1);
        assertThat(preview.getBoolean("submittable")).isFalse();
        assertThat(preview.getString("targets[0].id")).isEqualTo(tooLong.get("targetId"));

        assertThat(postsWithText(marker)).isZero();
    }

    @Test
    void everyTextOfATargetHasItsCounterAsWhatItWillBePublishedAs() {
        Map<String, Object> linkedIn = PostMother.target("LINKEDIN", "ico-company");
        linkedIn.put("firstComment", "Read it: https://ico.org.uk/sar");
        Map<String, Object> share = PostMother.target("X", "ico_corporate");
        share.put("shares", "clearpost_demo");
        Map<String, Object> body = PostMother.with(PostMother.post("Our guidance is out: https://ico.org.uk/sar",
                PostMother.target("X", "clearpost_demo"), PostMother.target("BLUESKY", "ico.bsky.social"), linkedIn,
                share), "threadParts", List.of("You can ask any organisation for a copy of your data."));
        JsonPath preview = preview(body);

        assertThat(preview.getList("targets[0].counters.field", String.class))
                .containsExactly("targets[0].text", "targets[0].threadParts[0]");
        // Bluesky counts graphemes and UTF-8 bytes, both limits shown.
        assertThat(preview.getList("targets[1].counters.unit", String.class))
                .containsExactly("characters (graphemes)", "bytes (UTF-8)", "characters (graphemes)",
                        "bytes (UTF-8)");
        // On LinkedIn the thread part and the first comment are comments, with the comment limit.
        assertThat(preview.getList("targets[2].counters.field", String.class)).containsExactly("targets[2].text",
                "targets[2].threadParts[0]", "targets[2].firstComment");
        assertThat(preview.getList("targets[2].counters.limit", Integer.class)).containsExactly(3000, 1250, 1250);
        // A share publishes nothing of its own: what it shares, no counters.
        assertThat(preview.getString("targets[3].shares")).isEqualTo("clearpost_demo");
        assertThat(preview.getString("targets[3].rendered.text")).isEqualTo(preview.getString("targets[0].rendered.text"));
        assertThat(preview.getList("targets[3].counters")).isEmpty();
        assertThat(preview.getBoolean("submittable")).isTrue();
    }

    @Test
    void badInputIsRefusedAsCreateRefusesItAndOnlyDraftersMayPreview() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("text", "Hello", "targets", List.of(Map.of("network", "NOPE", "account", "a"))))
                .post("/posts/preview").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "campaign", "no-such-campaign"))
                .post("/posts/preview").then().statusCode(400).body("violations[0].field", equalTo("campaign"));
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor", "2020-01-01T09:00"))
                .post("/posts/preview").then().statusCode(400).body("violations[0].field", equalTo("scheduledFor"));
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).post("/posts/preview").then().statusCode(403);
        given().contentType(ContentType.JSON).body(PostMother.twoNetworkPost()).post("/posts/preview").then()
                .statusCode(401);
    }
}
