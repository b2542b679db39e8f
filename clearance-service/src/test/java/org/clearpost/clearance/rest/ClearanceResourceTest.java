package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.EventType;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class ClearanceResourceTest {

    private static final String COLIN = TestTokens.forUser("colin", "clearer");
    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void approvingAPendingCasePublishesPostClearedWithTheClearedContent() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = openedCase(drafted);

        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of("comment", "Clear and factual"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200)
                .body("status", equalTo("CLEARED")).body("decidedBy", equalTo("colin"));

        // The decisions topic also carries the case's ClearanceCaseOpened: one PostCleared among them.
        List<ConsumerRecord<String, String>> records = ClearanceFlows.events(EventType.POST_CLEARED,
                drafted.postId().toString(), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        PostCleared cleared = (PostCleared) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.POST_CLEARED, "/clearpost/clearance-service");
        assertThat(cleared.text()).isEqualTo(drafted.text());
        assertThat(cleared.targets()).isEqualTo(drafted.targets());
        assertThat(cleared.contentHash()).isEqualTo(drafted.contentHash());
        assertThat(cleared.clearedBy()).isEqualTo("colin");
        assertThat(cleared.author()).isEqualTo("dana");
    }

    @Test
    void openingACasePublishesClearanceCaseOpenedWithItsRouteAndDueTime() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = openedCase(drafted);

        List<ConsumerRecord<String, String>> records = ClearanceFlows.events(EventType.CLEARANCE_CASE_OPENED,
                drafted.postId().toString(), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ClearanceCaseOpened opened = (ClearanceCaseOpened) ClearanceFlows.checked(records.get(0),
                EventType.CLEARANCE_CASE_OPENED);
        JsonPath view = ClearanceFlows.caseView(caseId).extract().jsonPath();
        assertThat(opened.caseId()).isEqualTo(caseId);
        assertThat(opened.version()).isEqualTo(drafted.version());
        assertThat(opened.route()).isEqualTo(view.getString("route.name"));
        assertThat(opened.routeReason()).isNotBlank().isEqualTo(view.getString("route.reason"));
        assertThat(opened.flags()).isEqualTo(view.getList("flags").size());
        assertThat(opened.dueAt()).isCloseTo(OffsetDateTime.parse(view.getString("dueAt")).toInstant(),
                within(1, ChronoUnit.MILLIS));
        assertThat(opened.submittedAt()).isEqualTo(drafted.submittedAt());
        assertThat(opened.preElectionPeriodId()).isNull();
        assertThat(opened.openedAt()).isAfterOrEqualTo(drafted.submittedAt());
    }

    @Test
    void rejectingNeedsAReasonAndPublishesPostRejected() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = openedCase(drafted);

        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of("comment", " "))
                .post("/clearances/{id}/reject", caseId).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("comment"));
        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of("comment", "Names a party"))
                .post("/clearances/{id}/reject", caseId).then().statusCode(200).body("status", equalTo("REJECTED"));

        ConsumerRecord<String, String> record = ClearanceFlows.events(EventType.POST_REJECTED,
                drafted.postId().toString(), Duration.ofSeconds(20)).get(0);
        PostRejected rejected = (PostRejected) CloudEventAssertions.assertCloudEvent(record, EventType.POST_REJECTED,
                "/clearpost/clearance-service");
        assertThat(rejected.comment()).isEqualTo("Names a party");
    }

    @Test
    void theAuthorCanNeverClearTheirOwnPostWhateverTheirRoles() {
        PostDrafted drafted = DraftedPostMother.version(UUID.randomUUID(), 1, "lee");
        UUID caseId = openedCase(drafted);

        given().auth().oauth2(TestTokens.forUser("lee", "clearer", "lead", "admin")).contentType(ContentType.JSON)
                .body(Map.of()).post("/clearances/{id}/approve", caseId).then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Two-person rule"))
                .body("detail", containsString("another member of Communications"));
    }

    @Test
    void theAuthorOfAnEarlierVersionCannotClearALaterOne() {
        UUID postId = UUID.randomUUID();
        openedCase(DraftedPostMother.version(postId, 1, "colin"));
        UUID secondVersion = openedCase(DraftedPostMother.version(postId, 2, "dana"));

        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of())
                .post("/clearances/{id}/approve", secondVersion).then().statusCode(403);
    }

    @Test
    void aNewVersionWithdrawsTheOpenCaseOfTheOldOne() {
        UUID postId = UUID.randomUUID();
        UUID first = openedCase(DraftedPostMother.version(postId, 1, "dana"));
        openedCase(DraftedPostMother.version(postId, 2, "dana"));

        given().auth().oauth2(COLIN).get("/clearances/{id}", first).then().body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of())
                .post("/clearances/{id}/approve", first).then().statusCode(409);
    }

    @Test
    void aRedeliveredPostDraftedOpensOneCase() {
        PostDrafted drafted = DraftedPostMother.byDana();
        var record = kafka.sender().send(drafted);
        kafka.sender().send(record);
        openedCase(drafted, false);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> casesOf(drafted.postId()) == 1);
    }

    @Test
    void onlyClearersDecideAndEveryCallNeedsAToken() {
        UUID caseId = openedCase(DraftedPostMother.byDana());

        given().get("/clearances").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("dave", "drafter")).get("/clearances").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("ada", "admin")).contentType(ContentType.JSON).body(Map.of())
                .post("/clearances/{id}/approve", caseId).then().statusCode(403);
        given().auth().oauth2(COLIN).get("/clearances/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(COLIN).queryParam("status", "SOMETIME").get("/clearances").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    private static UUID openedCase(PostDrafted drafted) {
        return openedCase(drafted, true);
    }

    private static UUID openedCase(PostDrafted drafted, boolean send) {
        if (send) {
            kafka.sender().send(drafted);
        }
        return await().atMost(Duration.ofSeconds(20)).until(() -> caseOf(drafted), id -> id != null);
    }

    private static UUID caseOf(PostDrafted drafted) {
        List<Map<String, Object>> cases = given().auth().oauth2(COLIN).queryParam("postId", drafted.postId())
                .queryParam("status", "PENDING").get("/clearances").then().statusCode(200).extract().path("$");
        return cases.stream().filter(c -> ((Integer) c.get("version")) == drafted.version())
                .map(c -> UUID.fromString((String) c.get("id"))).findFirst().orElse(null);
    }

    private static int casesOf(UUID postId) {
        List<?> all = given().auth().oauth2(COLIN).queryParam("postId", postId).get("/clearances").then()
                .statusCode(200).extract().path("$");
        return all.size();
    }
}
