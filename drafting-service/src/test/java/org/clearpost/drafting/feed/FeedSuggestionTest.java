package org.clearpost.drafting.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearpost.drafting.PostMother;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FeedServer.class)
class FeedSuggestionTest {

    private static final String SAR = "New guidance on subject access requests";
    private static final String COOKIES = "Five myths about cookies";
    private static final String YEAR = "Our year in numbers";

    @Inject
    FeedPoller poller;

    @Inject
    FeedSuggestions suggestions;

    @Test
    void everyNewItemOfAnRssOrAtomFeedBecomesOneSuggestion() {
        poller.pollAll();
        poller.pollAll();

        List<Map<String, Object>> all = everySuggestion();
        assertThat(all).extracting(s -> s.get("title")).containsOnlyOnce(SAR, "Fine issued to a marketing company",
                COOKIES, YEAR).hasSize(4);
        Map<String, Object> sar = find(all, SAR);
        assertThat(sar.get("feed")).isEqualTo("news");
        assertThat(sar.get("summary")).isEqualTo("Our updated guidance explains how to respond to a subject access "
                + "request & when you may charge a fee.");
        assertThat(sar.get("link")).isEqualTo("https://example.gov/news/sar-guidance");
        assertThat(sar.get("publishedAt")).isEqualTo("2026-11-23T09:30:00Z");
        Map<String, Object> cookies = find(all, COOKIES);
        assertThat(cookies.get("feed")).isEqualTo("blog");
        assertThat(cookies.get("summary")).isEqualTo("Cookie banners: what the law really asks.");
        assertThat(find(all, YEAR).get("summary")).isEqualTo("Complaints, investigations and fines in 2026.");
        // The Atom feed's ETag is kept, so the next poll asks "if none match" and gets 304.
        assertThat(suggestions.state("blog").orElseThrow().etag).isEqualTo(FeedServer.BLOG_ETAG);
        String blogUrl = ConfigProvider.getConfig().getValue("clearpost.drafting.feeds[1].url", String.class);
        assertThat(Integer.parseInt(given().get(blogUrl.replace("/blog.atom", "/not-modified")).asString()))
                .isPositive();
    }

    @Test
    void aSuggestionBecomesADraftInOneCall() {
        poller.pollAll();
        String id = (String) find(everySuggestion(), SAR).get("id");

        JsonPath drafted = given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("targets", List.of(Map.of("network", "X", "account", "clearpost_demo"),
                        Map.of("network", "LINKEDIN", "account", "urn:li:organization:1"))))
                .post("/suggestions/{id}/draft", id).then().statusCode(201)
                .header("Location", containsString("/posts/"))
                .body("suggestion.status", equalTo("USED"))
                .extract().jsonPath();

        String postId = drafted.getString("postId");
        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", postId).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("author", equalTo(PostMother.DRAFTER))
                .body("text", equalTo(SAR + "\n\nOur updated guidance explains how to respond to a subject access "
                        + "request & when you may charge a fee.\n\nhttps://example.gov/news/sar-guidance"))
                .body("targets.network", org.hamcrest.Matchers.contains("X", "LINKEDIN"));
        given().auth().oauth2(PostMother.drafterToken()).get("/suggestions/{id}", id).then()
                .body("postId", equalTo(postId));

        // Used once: a second draft is refused, and the feed's next poll does not bring it back.
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("targets", List.of(Map.of("network", "X", "account", "clearpost_demo"))))
                .post("/suggestions/{id}/draft", id).then().statusCode(409);
        poller.pollAll();
        assertThat(titles("NEW")).doesNotContain(SAR);
    }

    @Test
    void aDismissedSuggestionLeavesTheList() {
        poller.pollAll();
        String id = (String) find(everySuggestion(), YEAR).get("id");

        given().auth().oauth2(PostMother.drafterToken()).delete("/suggestions/{id}", id).then().statusCode(204);

        assertThat(titles("NEW")).doesNotContain(YEAR);
        assertThat(titles("DISMISSED")).contains(YEAR);
    }

    @Test
    void draftingNeedsTargets() {
        poller.pollAll();
        String id = (String) find(everySuggestion(), COOKIES).get("id");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(Map.of("targets", List.of()))
                .post("/suggestions/{id}/draft", id).then().statusCode(400)
                .body("violations[0].field", equalTo("targets"));
    }

    @Test
    void onlyDraftersSeeSuggestions() {
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).get("/suggestions").then().statusCode(403);
    }

    private static List<Map<String, Object>> everySuggestion() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String status : List.of("NEW", "USED", "DISMISSED")) {
            all.addAll(given().auth().oauth2(PostMother.drafterToken()).queryParam("status", status)
                    .get("/suggestions").then().statusCode(200).extract().jsonPath().getList("$"));
        }
        return all;
    }

    private static List<Object> titles(String status) {
        return given().auth().oauth2(PostMother.drafterToken()).queryParam("status", status)
                .get("/suggestions").then().statusCode(200).extract().jsonPath().getList("title");
    }

    private static Map<String, Object> find(List<Map<String, Object>> suggestions, String title) {
        return suggestions.stream().filter(s -> title.equals(s.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion titled " + title + " in " + suggestions));
    }
}
