package org.clearpost.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.publisher.ClearedPosts;
import org.clearpost.publisher.FakeNetworkResource;
import org.clearpost.testing.KafkaEventSender;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class PublicationResourceTest {

    @Test
    void listingNeedsATokenAndARoleThatSeesPosts() {
        given().queryParam("postId", UUID.randomUUID().toString())
                .when().get("/publications").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("mo", "monitor")).queryParam("postId", UUID.randomUUID().toString())
                .when().get("/publications").then().statusCode(403);
    }

    @Test
    void thePostIdIsRequiredAndMustBeAUuid() {
        String drafter = TestTokens.forUser("dana", "drafter");
        given().auth().oauth2(drafter).when().get("/publications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("postId"));
        given().auth().oauth2(drafter).queryParam("postId", "post-7")
                .when().get("/publications")
                .then().statusCode(400).body("violations[0].field", equalTo("postId"));
    }

    @Test
    void showsEachTargetOfAPostWithAPreviewOfItsText() {
        PostCleared cleared = ClearedPosts.clearedFor(ClearedPosts.target(Network.X, ClearedPosts.newAccount()),
                ClearedPosts.target(Network.LINKEDIN, ClearedPosts.newAccount()));
        try (KafkaEventSender sender = KafkaEventSender.fromConfig()) {
            sender.send(cleared);
        }

        for (String role : new String[] { "drafter", "clearer", "admin" }) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(TestTokens.forUser("someone", role))
                            .queryParam("postId", cleared.postId().toString())
                            .when().get("/publications")
                            .then().statusCode(200)
                            .body("", hasSize(2))
                            .body("status", everyItem(equalTo("FAILED")))
                            .body("[0].textPreview", equalTo(PublicationView.preview(cleared.text())))
                            .body("[0].postId", equalTo(cleared.postId().toString())));
        }
    }
}
