package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.clearance.rest.ClearanceFlows.ADA;
import static org.clearpost.clearance.rest.ClearanceFlows.CARA;
import static org.clearpost.clearance.rest.ClearanceFlows.CLEO;
import static org.clearpost.clearance.rest.ClearanceFlows.COLIN;
import static org.clearpost.clearance.rest.ClearanceFlows.LENA;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.EventType;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class RoutesResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void theNormalRouteIsOneClearerAndPostClearedCarriesEveryContentField() {
        PostDrafted drafted = DraftedPostMother.forCampaign("privacy-week", LocalDate.now().minusDays(3));
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"))
                .body("route.remainingSteps.role", contains("clearer"));

        ClearanceFlows.approve(COLIN, caseId).statusCode(200).body("status", equalTo("CLEARED"))
                .body("route.stepsTaken.takenBy", contains("colin")).body("route.remainingSteps", empty());

        PostCleared cleared = (PostCleared) ClearanceFlows.awaitEvent(EventType.POST_CLEARED,
                drafted.postId().toString());
        assertThat(cleared.route()).isEqualTo("normal");
        assertThat(cleared.campaign()).isEqualTo(drafted.campaign());
        assertThat(cleared.targets()).isEqualTo(drafted.targets());
        assertThat(cleared.text()).isEqualTo(drafted.text());
        assertThat(ClearanceFlows.auditActions(drafted.postId()))
                .containsExactly("POST_VERSION_SUBMITTED", "ROUTE_CHOSEN", "CASE_APPROVED");
    }

    @Test
    void aPreElectionCaseNeedsAClearerThenALeadEachADifferentPersonAndIsAnExemption() {
        String periodId = given().auth().oauth2(LENA).contentType(ContentType.JSON)
                .body(Map.of("name", "Route test election", "kind", "local", "scope", "Testshire",
                        "startsAt", PreElectionResourceTest.london(Instant.now().minus(1, ChronoUnit.HOURS)),
                        "endsAt", PreElectionResourceTest.london(Instant.now().plus(2, ChronoUnit.DAYS))))
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
        try {
            PostDrafted essential = DraftedPostMother.essential("Helpline outage affects the public");
            // Lars, a lead, wrote the first version: he may take no step of any later one.
            kafka.sender().send(DraftedPostMother.version(essential.postId(), 1, "lars"));
            PostDrafted second = new PostDrafted(essential.postId(), 2, essential.contentHash(), "dana",
                    essential.text(), essential.targets(), null, null, null, essential.essentialReason(), null, null,
                    List.of(), essential.submittedAt());
            UUID caseId = ClearanceFlows.submit(kafka.sender(), second);
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("pre-election"))
                    .body("route.reason", containsString("Route test election"))
                    .body("route.remainingSteps.role", contains("clearer", "lead"));

            ClearanceFlows.approve(LENA, caseId).statusCode(403).body("title", equalTo("Step needs another role"));
            ClearanceFlows.decide(CLEO, caseId, "approve", "Essential: the helpline is down").statusCode(200)
                    .body("status", equalTo("PENDING")).body("route.stepsTaken.takenBy", contains("cleo"))
                    .body("route.remainingSteps.name", contains("lead"));
            ClearanceFlows.approve(CLEO, caseId).statusCode(403).body("title", equalTo("One step per person"));
            ClearanceFlows.approve(TestTokens.forUser("lars", "lead", "clearer", "admin"), caseId).statusCode(403)
                    .body("title", equalTo("Two-person rule"));
            ClearanceFlows.decide(LENA, caseId, "approve", "Agreed, essential").statusCode(200)
                    .body("status", equalTo("CLEARED"))
                    .body("route.stepsTaken.takenBy", contains("cleo", "lena"));

            PostCleared cleared = (PostCleared) ClearanceFlows.awaitEvent(EventType.POST_CLEARED,
                    essential.postId().toString());
            assertThat(cleared.route()).isEqualTo("pre-election");
            assertThat(cleared.clearedBy()).isEqualTo("lena");
            assertThat(ClearanceFlows.events(EventType.POST_CLEARED, essential.postId().toString(),
                    Duration.ofSeconds(3))).hasSize(1);

            given().auth().oauth2(COLIN).get("/pre-election/exemptions").then().statusCode(200)
                    .body("find { it.caseId == '" + caseId + "' }.essentialReason",
                            equalTo("Helpline outage affects the public"))
                    .body("find { it.caseId == '" + caseId + "' }.grantedBy", equalTo("lena"))
                    .body("find { it.caseId == '" + caseId + "' }.comment", equalTo("Agreed, essential"))
                    .body("find { it.caseId == '" + caseId + "' }.periodId", equalTo(periodId));
            assertThat(ClearanceFlows.auditActions(essential.postId())).containsSubsequence("POST_VERSION_SUBMITTED",
                    "ROUTE_CHOSEN", "CASE_WITHDRAWN", "STEP_APPROVED", "CASE_APPROVED", "PRE_ELECTION_EXEMPTION");
        } finally {
            given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "test over"))
                    .delete("/pre-election/periods/{id}", periodId).then().statusCode(200);
        }
    }

    @Test
    void inCrisisModeOneLeadClearsWithinTheCrisisDueTime() {
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/crisis-mode").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(COLIN).contentType(ContentType.JSON).body(Map.of("reason", "I think so"))
                .post("/crisis-mode").then().statusCode(403);
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "Supplier data breach"))
                .post("/crisis-mode").then().statusCode(200).body("startedBy", equalTo("lena"));
        try {
            given().auth().oauth2(ADA).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                    .post("/crisis-mode").then().statusCode(409);
            given().auth().oauth2(COLIN).get("/crisis-mode").then().statusCode(200).body("on", equalTo(true))
                    .body("current.reason", equalTo("Supplier data breach"));
            PostDrafted drafted = DraftedPostMother.byDana();
            UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
            Map<String, Object> view = ClearanceFlows.caseView(caseId).body("route.name", equalTo("crisis"))
                    .body("route.reason", containsString("Supplier data breach")).extract().path("$");
            Instant submitted = Instant.parse((String) view.get("submittedAt"));
            assertThat(Instant.parse((String) view.get("dueAt"))).isEqualTo(submitted.plus(Duration.ofMinutes(30)));

            ClearanceFlows.approve(COLIN, caseId).statusCode(403).body("detail", containsString("lead role"));
            ClearanceFlows.approve(LENA, caseId).statusCode(200).body("status", equalTo("CLEARED"));
            PostCleared cleared = (PostCleared) ClearanceFlows.awaitEvent(EventType.POST_CLEARED,
                    drafted.postId().toString());
            assertThat(cleared.route()).isEqualTo("crisis");
        } finally {
            given().auth().oauth2(ADA).contentType(ContentType.JSON).body(Map.of("reason", "Breach contained"))
                    .delete("/crisis-mode").then().statusCode(200).body("endedBy", equalTo("ada"));
        }
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "twice"))
                .delete("/crisis-mode").then().statusCode(409);
        given().auth().oauth2(LENA).accept(ContentType.JSON)
                .queryParam("from", Instant.now().minus(5, ChronoUnit.MINUTES).toString())
                .queryParam("to", Instant.now().plus(1, ChronoUnit.MINUTES).toString())
                .get("/audit/entries").then().statusCode(200)
                .body("entries.findAll { it.action.startsWith('CRISIS_MODE') }.details.reason",
                        hasItems("Supplier data breach", "Breach contained"));
    }

    @Test
    void aLiveEventQuickPostIsClearedByAClearerOnDuty() {
        PostDrafted drafted = DraftedPostMother.live();
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        Map<String, Object> view = ClearanceFlows.caseView(caseId).body("route.name", equalTo("live"))
                .body("liveEvent.name", equalTo("Data Protection Conference")).extract().path("$");
        assertThat(Instant.parse((String) view.get("dueAt")))
                .isEqualTo(Instant.parse((String) view.get("submittedAt")).plus(Duration.ofMinutes(15)));

        ClearanceFlows.approve(CARA, caseId).statusCode(403).body("title", equalTo("Not on duty"));
        given().auth().oauth2(CARA).contentType(ContentType.JSON).body(Map.of("onDuty", true))
                .put("/clearers/me/duty").then().statusCode(200).body("onDuty", equalTo(true));
        try {
            given().auth().oauth2(LENA).get("/clearers/on-duty").then().statusCode(200)
                    .body("username", hasItem("cara"));
            ClearanceFlows.approve(CARA, caseId).statusCode(200).body("status", equalTo("CLEARED"));
            PostCleared cleared = (PostCleared) ClearanceFlows.awaitEvent(EventType.POST_CLEARED,
                    drafted.postId().toString());
            assertThat(cleared.route()).isEqualTo("live");
            assertThat(cleared.liveEvent()).isEqualTo(drafted.liveEvent());
        } finally {
            given().auth().oauth2(CARA).contentType(ContentType.JSON).body(Map.of("onDuty", false))
                    .put("/clearers/me/duty").then().statusCode(200);
        }
        given().auth().oauth2(CARA).contentType(ContentType.JSON).body(Map.of())
                .put("/clearers/me/duty").then().statusCode(400).body("violations[0].field",
                        containsString("onDuty"));
    }

    @Test
    void aQuickPostForAnEventThatIsOverTakesTheNormalRoute() {
        // The event ended an hour ago, beyond the 30 minutes' margin: no on-duty fast track.
        PostDrafted drafted = DraftedPostMother.live(Instant.now().minus(5, ChronoUnit.HOURS),
                Instant.now().minus(1, ChronoUnit.HOURS));
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        ClearanceFlows.caseView(caseId).body("route.name", equalTo("normal"))
                .body("route.reason", containsString("which is not on at"));
        // A clearer off duty may clear it, as any normal case.
        ClearanceFlows.approve(CARA, caseId).statusCode(200).body("status", equalTo("CLEARED"));
        PostCleared cleared = (PostCleared) ClearanceFlows.awaitEvent(EventType.POST_CLEARED,
                drafted.postId().toString());
        assertThat(cleared.route()).isEqualTo("normal");
        assertThat(cleared.liveEvent()).isEqualTo(drafted.liveEvent());
    }

    @Test
    void noAuthorTakesAnyStepWhateverTheirRolesAndAdminsAloneNeverDecide() {
        PostDrafted drafted = DraftedPostMother.version(UUID.randomUUID(), 1, "lee");
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        String lee = TestTokens.forUser("lee", "clearer", "lead", "admin");

        for (String decision : List.of("approve", "reject", "request-changes")) {
            ClearanceFlows.decide(lee, caseId, decision, "my own").statusCode(403)
                    .contentType("application/problem+json").body("title", equalTo("Two-person rule"));
            ClearanceFlows.decide(ADA, caseId, decision, "admin only").statusCode(403);
        }
        ClearanceFlows.caseView(caseId).body("status", equalTo("PENDING"));
    }
}
