package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.clearance.rest.ClearanceFlows.CLEO;
import static org.clearpost.clearance.rest.ClearanceFlows.COLIN;
import static org.clearpost.clearance.rest.ClearanceFlows.LENA;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policy 3.4: a pre-election period declared, changed or cancelled after a case opened re-routes it. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReroutingResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aPeriodDeclaredOverAnOpenCaseMovesItToThePreElectionRouteAndCancellingItMovesItBack() {
        PostDrafted essential = DraftedPostMother.essential("Flood warning for the city centre");
        UUID caseId = ClearanceFlows.submit(kafka.sender(), essential);
        ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"));

        String periodId = declare("Rerouting by-election", Instant.now().minus(1, ChronoUnit.HOURS),
                Instant.now().plus(2, ChronoUnit.DAYS));
        String cancelled = null;
        try {
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("pre-election"))
                    .body("route.reason", containsString("Rerouting by-election"))
                    .body("route.remainingSteps.role", contains("clearer", "lead"));
            ClearanceRerouted there = rerouted(essential, 1);
            assertThat(there.caseId()).isEqualTo(caseId);
            assertThat(there.fromRoute()).isEqualTo("normal");
            assertThat(there.toRoute()).isEqualTo("pre-election");
            assertThat(there.periodId()).hasToString(periodId);
            assertThat(there.reason()).contains("declared by lena");

            // One clearer is no longer enough: the case waits for a lead, and clearing it is an exemption.
            ClearanceFlows.decide(COLIN, caseId, "approve", "Essential: flood warning").statusCode(200)
                    .body("status", equalTo("PENDING")).body("route.remainingSteps.name", contains("lead"));

            given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "Writ withdrawn"))
                    .delete("/pre-election/periods/{id}", periodId).then().statusCode(200);
            cancelled = periodId;
            // Back to the route it would have had; Colin's step is kept on record but the normal route's one
            // step clears the post, so someone takes it under that route.
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"))
                    .body("route.stepsTaken", empty()).body("route.remainingSteps.role", contains("clearer"));
            ClearanceRerouted back = rerouted(essential, 2);
            assertThat(back.fromRoute()).isEqualTo("pre-election");
            assertThat(back.toRoute()).isEqualTo("normal");
            assertThat(back.reason()).contains("cancelled by lena");
            assertThat(ClearanceFlows.auditActions(essential.postId())).containsSubsequence("ROUTE_CHOSEN",
                    "CASE_REROUTED", "STEP_APPROVED", "CASE_REROUTED");
            ClearanceFlows.approve(COLIN, caseId).statusCode(200).body("status", equalTo("CLEARED"));
        } finally {
            if (cancelled == null) {
                cancel(periodId);
            }
        }
    }

    @Test
    void changingAPeriodReroutesCasesScheduledIntoItAndOutOfIt() {
        Instant scheduled = Instant.now().plus(10, ChronoUnit.DAYS);
        PostDrafted drafted = DraftedPostMother.scheduledAt(scheduled);
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"));

        Map<String, Object> covering = period("Rerouting county election", scheduled.minus(1, ChronoUnit.DAYS),
                scheduled.plus(2, ChronoUnit.DAYS));
        String periodId = given().auth().oauth2(LENA).contentType(ContentType.JSON).body(covering)
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
        try {
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("pre-election"));
            given().auth().oauth2(LENA).contentType(ContentType.JSON)
                    .body(period("Rerouting county election", scheduled.plus(5, ChronoUnit.DAYS),
                            scheduled.plus(30, ChronoUnit.DAYS)))
                    .put("/pre-election/periods/{id}", periodId).then().statusCode(200);
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"));
            ClearanceRerouted back = rerouted(drafted, 2);
            assertThat(back.reason()).contains("changed by lena");
        } finally {
            cancel(periodId);
        }
    }

    @Test
    void aCaseWaitingWhenAPeriodBeginsNeedsTheLeadBeforeItIsCleared() throws InterruptedException {
        // The period begins a moment after the post was submitted: it was not in force at submission and the post
        // has no scheduled time, so neither opening the case nor declaring the period covers it; it is in force
        // by the time a clearer decides.
        PostDrafted essential = DraftedPostMother.essential("Polling station moved");
        // A lead types whole seconds (London wall-clock), so the start is the next whole second after submission.
        Instant begins = essential.submittedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String periodId = declare("Rerouting mayoral election", begins, Instant.now().plus(2, ChronoUnit.DAYS));
        try {
            UUID caseId = ClearanceFlows.submit(kafka.sender(), essential);
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"));
            long untilBegun = Duration.between(Instant.now(), begins).toMillis() + 50;
            if (untilBegun > 0) {
                Thread.sleep(untilBegun);
            }

            ClearanceFlows.decide(COLIN, caseId, "approve", "Essential").statusCode(200)
                    .body("status", equalTo("PENDING")).body("route.name", equalTo("pre-election"))
                    .body("route.stepsTaken.takenBy", contains("colin"))
                    .body("route.remainingSteps.role", contains("lead"));
            assertThat(rerouted(essential, 1).reason()).contains("in force at the decision");
            ClearanceFlows.decide(CLEO, caseId, "approve", "Agreed").statusCode(200)
                    .body("status", equalTo("CLEARED"));
            assertThat(ClearanceFlows.auditActions(essential.postId())).containsSubsequence("CASE_REROUTED",
                    "STEP_APPROVED", "CASE_APPROVED", "PRE_ELECTION_EXEMPTION");
        } finally {
            cancel(periodId);
        }
    }

    private static ClearanceRerouted rerouted(PostDrafted drafted, int count) {
        List<ConsumerRecord<String, String>> records = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> ClearanceFlows.events(EventType.CLEARANCE_REROUTED,
                        drafted.postId().toString(), Duration.ofSeconds(2)), r -> r.size() >= count);
        assertThat(records).hasSize(count);
        return (ClearanceRerouted) CloudEventAssertions.assertCloudEvent(records.get(count - 1),
                EventType.CLEARANCE_REROUTED, ClearanceFlows.SOURCE);
    }

    private static String declare(String name, Instant startsAt, Instant endsAt) {
        return given().auth().oauth2(LENA).contentType(ContentType.JSON).body(period(name, startsAt, endsAt))
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
    }

    private static void cancel(String periodId) {
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "test over"))
                .delete("/pre-election/periods/{id}", periodId).then().statusCode(200);
    }

    private static Map<String, Object> period(String name, Instant startsAt, Instant endsAt) {
        return Map.of("name", name, "kind", "local", "scope", "Testshire", "startsAt",
                PreElectionResourceTest.london(startsAt), "endsAt", PreElectionResourceTest.london(endsAt));
    }
}
