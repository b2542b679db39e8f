package org.clearpost.drafting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostResourceTest {

    @Test
    void submittingAPostPublishesPostDraftedAsACloudEvent() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("IN_CLEARANCE"))
                .body("targets.status", containsInAnyOrder("IN_CLEARANCE", "IN_CLEARANCE"));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig()
                .awaitRecords(Topics.DRAFTING_POSTS, r -> id.toString().equals(r.key()), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        PostDrafted drafted = (PostDrafted) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.POST_DRAFTED, "/clearpost/drafting-service");
        assertThat(drafted.author()).isEqualTo(PostMother.DRAFTER);
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(drafted.targets()).extracting(t -> t.network()).containsExactly(Network.X, Network.FACEBOOK);
        assertThat(drafted.contentHash()).startsWith("sha256:");
    }

    @Test
    void createAnswersWithTheDraftAndWhereItLives() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost())
                .post("/posts").then().statusCode(201)
                .header("Location", containsString("/posts/"))
                .body("author", equalTo("dana"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("targets.network", containsInAnyOrder("X", "FACEBOOK"));
    }

    @Test
    void everyInvalidFieldIsNamedInOneProblem() {
        Map<String, Object> body = Map.of("text", " ", "targets", List.of(Map.of("network", "X", "account", "has space")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("text", "targets[0].account"));
    }

    @Test
    void missingTargetsAreNamed() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(Map.of("text", "Hello"))
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("targets"));
    }

    @Test
    void anUnknownNetworkIsNamedWithTheAcceptedOnes() {
        Map<String, Object> body = Map.of("text", "Hello",
                "targets", List.of(Map.of("network", "MYSPACE", "account", "someone")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("targets[0].network"))
                .body("violations[0].message", containsString("MYSPACE"))
                .body("violations[0].message", containsString("BLUESKY"))
                .body("violations[0].message", not(containsString("org.clearpost")));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body("{\"text\": ")
                .post("/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void theSameAccountTwiceIsRefused() {
        Map<String, Object> body = Map.of("text", "Hello", "targets", List.of(
                Map.of("network", "X", "account", "clearpost_demo"), Map.of("network", "X", "account", "clearpost_demo")));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON).body(body)
                .post("/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("targets[1]"));
    }

    @Test
    void nothingWithoutAToken() {
        given().contentType(ContentType.JSON).body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(401);
        given().get("/posts").then().statusCode(401);
    }

    @Test
    void onlyDraftersDraft() {
        given().auth().oauth2(TestTokens.forUser("mo", "monitor")).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).post("/posts").then().statusCode(403);
    }

    @Test
    void anUnknownPostIsNotFound() {
        given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("does not exist"));
    }

    @Test
    void aPostInClearanceCannotBeSubmittedOrEditedAgain() {
        UUID id = PostMother.submitted();

        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(PostMother.twoNetworkPost()).put("/posts/{id}", id).then().statusCode(409);
    }

    @Test
    void editingADraftMakesANewVersionWithANewHash() {
        UUID id = PostMother.created(PostMother.twoNetworkPost());
        String firstHash = given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then()
                .extract().path("contentHash");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("text", "Shorter", "targets", List.of(Map.of("network", "X", "account", "clearpost_demo"))))
                .put("/posts/{id}", id).then().statusCode(200)
                .body("version", equalTo(2))
                .body("contentHash", not(equalTo(firstHash)))
                .body("targets.network", containsInAnyOrder("X"));
    }

    @Test
    void listsFilterByStatus() {
        UUID submitted = PostMother.submitted();

        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).queryParam("status", "IN_CLEARANCE")
                .get("/posts").then().statusCode(200)
                .body("id", hasItem(submitted.toString()))
                .body("status", not(hasItem("DRAFT")));
        given().auth().oauth2(PostMother.drafterToken()).queryParam("size", 500).get("/posts").then().statusCode(400)
                .body("violations[0].field", endsWith("size"));
        given().auth().oauth2(PostMother.drafterToken()).queryParam("status", "SENT").get("/posts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("IN_CLEARANCE"));
    }
}
