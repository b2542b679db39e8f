package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.PostMother;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostListingTest {

    /** An account no other test uses, so the listing holds only this test's posts. */
    private static String freshAccount() {
        return "acct_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> postTo(String account) {
        return PostMother.post(PostMother.TEXT, PostMother.target("X", account));
    }

    private static RequestSpecification asClearer() {
        return given().auth().oauth2(TestTokens.forUser("colin", "clearer"));
    }

    @Test
    void theStatusFilterRunsBeforePagingSoEveryPageIsFull() {
        String account = freshAccount();
        for (int i = 0; i < 3; i++) {
            PostMother.submitted(postTo(account));
        }
        for (int i = 0; i < 4; i++) {
            PostMother.created(postTo(account)); // newer drafts that filled the first page when filtering came after
        }

        asClearer().queryParam("account", account).queryParam("status", "IN_CLEARANCE").queryParam("size", 2)
                .get("/posts").then().statusCode(200)
                .header(PostResource.TOTAL_COUNT, "3")
                .body("$", hasSize(2))
                .body("status", everyItem(equalTo("IN_CLEARANCE")));
        asClearer().queryParam("account", account).queryParam("status", "IN_CLEARANCE").queryParam("size", 2)
                .queryParam("page", 1).get("/posts").then().statusCode(200)
                .header(PostResource.TOTAL_COUNT, "3")
                .body("$", hasSize(1));
        asClearer().queryParam("account", account).queryParam("status", "DRAFT").get("/posts").then()
                .header(PostResource.TOTAL_COUNT, "4");
    }

    @Test
    void filtersCombineByNetworkAuthorTextCampaignAndScheduledWindow() {
        String account = freshAccount();
        String word = "Zebra" + UUID.randomUUID().toString().substring(0, 6);
        UUID early = PostMother.created(PostMother.with(postTo(account), "scheduledFor", "2027-06-01T09:00"));
        UUID late = PostMother.created(PostMother.with(postTo(account), "scheduledFor", "2027-06-03T09:00"));
        UUID withWord = PostMother.created(PostMother.with(postTo(account), "text", "A text about " + word));
        UUID onBluesky = PostMother.created(PostMother.post("Hello", PostMother.target("X", account),
                PostMother.target("BLUESKY", account + ".bsky.social")));
        UUID byDrew = UUID.fromString(given().auth().oauth2(TestTokens.forUser("drew", "drafter"))
                .contentType(ContentType.JSON).body(postTo(account)).post("/posts").then().statusCode(201)
                .extract().path("id"));

        asClearer().queryParam("account", account).queryParam("from", "2027-06-01T00:00")
                .queryParam("to", "2027-06-02T00:00").get("/posts").then().statusCode(200)
                .body("id", contains(early.toString()));
        asClearer().queryParam("account", account).queryParam("text", word.toLowerCase()).get("/posts").then()
                .body("id", contains(withWord.toString()));
        asClearer().queryParam("network", "BLUESKY").queryParam("account", account + ".bsky.social")
                .get("/posts").then().body("id", contains(onBluesky.toString()));
        asClearer().queryParam("account", account).queryParam("author", "drew").get("/posts").then()
                .body("id", contains(byDrew.toString()));
        asClearer().queryParam("account", account).queryParam("sort", "scheduledAt,asc").queryParam("size", 2)
                .get("/posts").then().header(PostResource.TOTAL_COUNT, "5")
                .body("id", contains(early.toString(), late.toString()));
    }

    @Test
    void badListingParametersAreNamed() {
        asClearer().queryParam("sort", "text").get("/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("sort"));
        asClearer().queryParam("from", "yesterday").get("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        asClearer().queryParam("network", "MYSPACE").get("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("network"));
    }
}
