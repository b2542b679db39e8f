package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditEntry;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.audit.ExportPeriod;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class SuspensionResourceTest {

    private static final String SOURCE = "/clearpost/clearance-service";
    private static final String LEE = TestTokens.forUser("lee", "lead");
    private static final String ADA = TestTokens.forUser("ada", "admin");

    @Inject
    AuditLog auditLog;

    /** Every test starts and ends with publishing running, whatever it did. */
    @AfterEach
    void resumeIfSuspended() {
        given().auth().oauth2(ADA).contentType(ContentType.JSON).body(Map.of()).delete("/publishing/suspension");
    }

    @Test
    void aLeadSuspendsPublishingWithAReasonAndTheStopGoesOutAsAnEvent() {
        UUID id = suspend(LEE, "Major incident: all scheduled posts on hold");

        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).get("/publishing/suspension").then()
                .statusCode(200).body("suspended", equalTo(true)).body("current.id", equalTo(id.toString()))
                .body("current.suspendedBy", equalTo("lee")).body("history[0].id", equalTo(id.toString()));
        PublishingSuspended suspended = (PublishingSuspended) CloudEventAssertions.assertCloudEvent(
                controlEvent(EventType.PUBLISHING_SUSPENDED, id), EventType.PUBLISHING_SUSPENDED, SOURCE);
        assertThat(suspended.suspendedBy()).isEqualTo("lee");
        assertThat(suspended.reason()).isEqualTo("Major incident: all scheduled posts on hold");
        assertAudited(AuditAction.PUBLISHING_SUSPENDED, "lee", id);
    }

    @Test
    void anAdminResumesAndTheResumptionGoesOutAsAnEvent() {
        UUID id = suspend(LEE, "Major incident");

        given().auth().oauth2(ADA).contentType(ContentType.JSON).body(Map.of("reason", "Incident over"))
                .delete("/publishing/suspension").then().statusCode(200)
                .body("resumedBy", equalTo("ada")).body("resumeReason", equalTo("Incident over"));

        given().auth().oauth2(LEE).get("/publishing/suspension").then().statusCode(200)
                .body("suspended", equalTo(false)).body("current", nullValue())
                .body("history[0].resumedBy", equalTo("ada"));
        PublishingResumed resumed = (PublishingResumed) CloudEventAssertions.assertCloudEvent(
                controlEvent(EventType.PUBLISHING_RESUMED, id), EventType.PUBLISHING_RESUMED, SOURCE);
        assertThat(resumed.resumedBy()).isEqualTo("ada");
        assertThat(resumed.reason()).isEqualTo("Incident over");
        assertAudited(AuditAction.PUBLISHING_RESUMED, "ada", id);
    }

    @Test
    void oneSuspensionAtATime() {
        suspend(LEE, "Major incident");

        given().auth().oauth2(ADA).contentType(ContentType.JSON).body(Map.of("reason", "Me too"))
                .post("/publishing/suspension").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void resumingWhatIsNotSuspendedIsAConflict() {
        given().auth().oauth2(LEE).contentType(ContentType.JSON).body(Map.of())
                .delete("/publishing/suspension").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aSuspensionNeedsAReason() {
        given().auth().oauth2(LEE).contentType(ContentType.JSON).body(Map.of("reason", "  "))
                .post("/publishing/suspension").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(LEE).contentType(ContentType.JSON).body(Map.of())
                .post("/publishing/suspension").then().statusCode(400).body("violations[0].field", equalTo("reason"));
    }

    @Test
    void onlyALeadOrAnAdminStopsPublishingAndEveryCallNeedsAToken() {
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Incident")).post("/publishing/suspension").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("dana", "drafter")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Incident")).post("/publishing/suspension").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(Map.of()).delete("/publishing/suspension").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("dana", "drafter")).get("/publishing/suspension").then()
                .statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Incident")).post("/publishing/suspension")
                .then().statusCode(401);
        given().get("/publishing/suspension").then().statusCode(401);
    }

    private void assertAudited(AuditAction action, String actor, UUID suspensionId) {
        List<AuditEntry> entries = auditLog.entriesIn(new ExportPeriod(Instant.now().minusSeconds(300),
                Instant.now().plusSeconds(1)));
        assertThat(entries).filteredOn(e -> e.action().equals(action.name())
                        && e.details().path("suspensionId").asText().equals(suspensionId.toString()))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(actor));
    }

    private static UUID suspend(String token, String reason) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/publishing/suspension").then().statusCode(200).body("reason", equalTo(reason))
                .extract().path("id");
        return UUID.fromString(id);
    }

    private static ConsumerRecord<String, String> controlEvent(EventType type, UUID suspensionId) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig().awaitRecords(
                Topics.CLEARANCE_PUBLISHING_CONTROL,
                r -> type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE))
                        && r.value().contains(suspensionId.toString()), Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
