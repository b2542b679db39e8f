package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.clearance.rest.ClearanceFlows.COLIN;
import static org.clearpost.clearance.rest.ClearanceFlows.DAVE;
import static org.clearpost.clearance.rest.ClearanceFlows.LENA;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.support.time.LondonTime;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PreElectionResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aLeadDeclaresChangesAndCancelsAPeriodEachAnEventAndAnAuditEntry() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        Instant startsAt = Instant.parse("2031-04-01T00:00:00Z");
        String id = given().auth().oauth2(LENA).contentType(ContentType.JSON)
                .body(period("General election 2031", startsAt, startsAt.plus(35, ChronoUnit.DAYS)))
                .post("/pre-election/periods").then().statusCode(201).contentType(ContentType.JSON)
                .body("declaredBy", equalTo("lena")).body("cancelled", equalTo(false)).extract().path("id");
        given().auth().oauth2(ClearanceFlows.ADA).contentType(ContentType.JSON)
                .body(period("General election 2031", startsAt, startsAt.plus(36, ChronoUnit.DAYS)))
                .put("/pre-election/periods/{id}", id).then().statusCode(200).body("declaredBy", equalTo("ada"))
                .body("endsAt", equalTo("2031-05-07T01:00:00+01:00"));
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "Election called off"))
                .delete("/pre-election/periods/{id}", id).then().statusCode(200).body("cancelled", equalTo(true))
                .body("cancelReason", equalTo("Election called off"));
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .delete("/pre-election/periods/{id}", id).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(DAVE).get("/pre-election/periods").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.cancelledBy", equalTo("lena"));

        var declared = ClearanceFlows.events(EventType.PRE_ELECTION_PERIOD_DECLARED, id,
                Duration.ofSeconds(30));
        assertThat(declared).hasSize(2);
        PreElectionPeriodDeclared changed = (PreElectionPeriodDeclared) CloudEventAssertions
                .assertCloudEvent(declared.get(1), EventType.PRE_ELECTION_PERIOD_DECLARED, ClearanceFlows.SOURCE);
        assertThat(changed.endsAt()).isEqualTo(startsAt.plus(36, ChronoUnit.DAYS));
        assertThat(changed.declaredBy()).isEqualTo("ada");
        PreElectionPeriodCancelled cancelled = (PreElectionPeriodCancelled) ClearanceFlows.awaitEvent(
                EventType.PRE_ELECTION_PERIOD_CANCELLED, id);
        assertThat(cancelled.reason()).isEqualTo("Election called off");

        given().auth().oauth2(LENA).accept(ContentType.JSON).queryParam("from", from.toString())
                .queryParam("to", Instant.now().plus(1, ChronoUnit.MINUTES).toString()).get("/audit/entries").then()
                .statusCode(200)
                .body("entries.findAll { it.details.periodId == '" + id + "' }.action", contains(
                        "PRE_ELECTION_PERIOD_DECLARED", "PRE_ELECTION_PERIOD_CHANGED",
                        "PRE_ELECTION_PERIOD_CANCELLED"));
    }

    @Test
    void periodTimesAreLondonWallClockShownWithTheirOffset() {
        // 31 October 2027 01:30 happens twice in London; the first, still in summer time, is taken.
        Map<String, Object> body = period("Autumn by-election", Instant.now(), Instant.now());
        body.put("startsAt", "2027-10-31T01:30");
        body.put("endsAt", "2027-11-20T22:00");
        String id = given().auth().oauth2(LENA).contentType(ContentType.JSON).body(body)
                .post("/pre-election/periods").then().statusCode(201)
                .body("startsAt", equalTo("2027-10-31T01:30:00+01:00"))
                .body("endsAt", equalTo("2027-11-20T22:00:00Z")).extract().path("id");
        try {
            var declared = ClearanceFlows.events(EventType.PRE_ELECTION_PERIOD_DECLARED, id, Duration.ofSeconds(30));
            PreElectionPeriodDeclared event = (PreElectionPeriodDeclared) CloudEventAssertions
                    .assertCloudEvent(declared.get(0), EventType.PRE_ELECTION_PERIOD_DECLARED, ClearanceFlows.SOURCE);
            // The event keeps its instants: the first 01:30 is 00:30 UTC.
            assertThat(event.startsAt()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
            assertThat(event.endsAt()).isEqualTo(Instant.parse("2027-11-20T22:00:00Z"));
        } finally {
            given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "test over"))
                    .delete("/pre-election/periods/{id}", id).then().statusCode(200);
        }
    }

    @Test
    void aPeriodTimeInTheSpringGapOrWithAnOffsetIsRefusedNamingTheField() {
        // 28 March 2027 01:30 does not exist in London: clocks go from 01:00 to 02:00.
        Map<String, Object> gap = period("Spring by-election", Instant.now(), Instant.now());
        gap.put("startsAt", "2027-03-28T01:30");
        gap.put("endsAt", "2027-05-06T22:00");
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(gap).post("/pre-election/periods").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startsAt"))
                .body("violations[0].message", containsString("does not exist"));
        // Read as London wall-clock time, 09:00Z would silently become 08:00Z in summer.
        Map<String, Object> offset = period("Summer by-election", Instant.now(), Instant.now());
        offset.put("startsAt", "2027-06-01T09:00");
        offset.put("endsAt", "2027-06-20T09:00:00Z");
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(offset).post("/pre-election/periods").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("endsAt"));
    }

    @Test
    void badPeriodsAreProblemsNamingTheField() {
        Map<String, Object> badDate = period("x", Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
        badDate.put("startsAt", "next Tuesday");
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(badDate).post("/pre-election/periods").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startsAt"));
        given().auth().oauth2(LENA).contentType(ContentType.JSON)
                .body(period("Backwards", Instant.parse("2031-05-01T00:00:00Z"), Instant.parse("2031-04-01T00:00:00Z")))
                .post("/pre-election/periods").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("endsAt"));
        Map<String, Object> noName = period(" ", Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
        noName.remove("endsAt");
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(noName).post("/pre-election/periods").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems(containsString("name"),
                        containsString("endsAt")));
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of())
                .delete("/pre-election/periods/{id}", UUID.randomUUID()).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "gone"))
                .delete("/pre-election/periods/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(COLIN).contentType(ContentType.JSON)
                .body(period("Mine", Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/pre-election/periods").then().statusCode(403);
        given().auth().oauth2(COLIN).queryParam("network", "MYSPACE").queryParam("account", "a")
                .get("/pre-election/notice").then().statusCode(400).body("violations[0].field", equalTo("network"));
        given().auth().oauth2(COLIN).queryParam("network", "X").get("/pre-election/notice").then().statusCode(400)
                .body("violations[0].field", equalTo("account"));
    }

    @Test
    void whileAPeriodIsInForceNonEssentialPostsAreRefusedAndEssentialOnesExempted() {
        duringAPeriod("Refusal test election", periodId -> {
            PostDrafted plainPost = DraftedPostMother.byDana();
            UUID plain = ClearanceFlows.submit(kafka.sender(), plainPost);
            ClearanceCaseOpened opened = (ClearanceCaseOpened) ClearanceFlows.checked(ClearanceFlows.events(
                    EventType.CLEARANCE_CASE_OPENED, plainPost.postId().toString(), Duration.ofSeconds(30)).get(0),
                    EventType.CLEARANCE_CASE_OPENED);
            assertThat(opened.route()).isEqualTo("pre-election");
            assertThat(opened.preElectionPeriodId()).hasToString(periodId);
            assertThat(opened.routeReason()).contains("Refusal test election");

            ClearanceFlows.approve(ClearanceFlows.CARA, plain).statusCode(409)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Refused during the pre-election period"))
                    .body("detail", containsString("only posts with an essential reason"));
            // The approval rolled back (no step taken), yet the refusal is on record: its own transaction committed.
            ClearanceFlows.caseView(plain).body("status", equalTo("PENDING"))
                    .body("route.stepsTaken", hasSize(0));
            PreElectionRefused refused = (PreElectionRefused) ClearanceFlows.awaitEventAbout(
                    EventType.PRE_ELECTION_REFUSED, periodId, plainPost.postId());
            assertThat(refused.periodId()).hasToString(periodId);
            assertThat(refused.caseId()).isEqualTo(plain);
            assertThat(refused.version()).isEqualTo(plainPost.version());
            assertThat(refused.attemptedBy()).isEqualTo("cara");
            assertThat(refused.refusals()).singleElement().asString()
                    .contains("only posts with an essential reason");

            PostDrafted essentialPost = DraftedPostMother.essential("Service outage");
            UUID essential = ClearanceFlows.submit(kafka.sender(), essentialPost);
            ClearanceFlows.decide(ClearanceFlows.CARA, essential, "approve", "Public needs to know").statusCode(200);
            ClearanceFlows.decide(LENA, essential, "approve", "Essential").statusCode(200)
                    .body("status", equalTo("CLEARED"));
            String exemptionId = given().auth().oauth2(LENA).get("/pre-election/exemptions").then().statusCode(200)
                    .body("find { it.caseId == '" + essential + "' }.essentialReason", equalTo("Service outage"))
                    .extract().path("find { it.caseId == '" + essential + "' }.id");
            PreElectionExemptionGranted granted = (PreElectionExemptionGranted) ClearanceFlows.awaitEventAbout(
                    EventType.PRE_ELECTION_EXEMPTION_GRANTED, periodId, essentialPost.postId());
            assertThat(granted.exemptionId()).hasToString(exemptionId);
            assertThat(granted.periodId()).hasToString(periodId);
            assertThat(granted.caseId()).isEqualTo(essential);
            assertThat(granted.essentialReason()).isEqualTo("Service outage");
            assertThat(granted.grantedBy()).isEqualTo("lena");
            assertThat(granted.comment()).isEqualTo("Essential");
        });
    }

    @Test
    void whileAPeriodIsInForcePartyRepostsAndNewCampaignsAreRefusedEvenIfEssential() {
        duringAPeriod("Repost test election", periodId -> {
            PostDrafted repost = essential(DraftedPostMother.repostOf("@UKLabour"));
            UUID repostCase = ClearanceFlows.submit(kafka.sender(), repost);
            ClearanceFlows.caseView(repostCase).body("flags.kind", hasItem("party-political-repost"));
            ClearanceFlows.approve(ClearanceFlows.CARA, repostCase).statusCode(409)
                    .body("detail", containsString("reposts of party-political accounts"));

            LocalDate today = LocalDate.now(OfficeHours.LONDON);
            UUID newCampaign = ClearanceFlows.submit(kafka.sender(),
                    essential(DraftedPostMother.forCampaign("new-" + UUID.randomUUID(), today)));
            ClearanceFlows.approve(ClearanceFlows.CARA, newCampaign).statusCode(409)
                    .body("detail", containsString("new campaigns cannot start"));

            UUID running = ClearanceFlows.submit(kafka.sender(),
                    essential(DraftedPostMother.forCampaign("old-" + UUID.randomUUID(), today.minusDays(30))));
            ClearanceFlows.approve(ClearanceFlows.CARA, running).statusCode(200);
        });
    }

    @Test
    void whileAPeriodIsInForcePartiesAndCandidatesAreFlaggedAndTheNoticeNamesThePeriod() {
        duringAPeriod("Flag test election", periodId -> {
            UUID caseId = ClearanceFlows.submit(kafka.sender(),
                    DraftedPostMother.saying("Alex Candidate asked us about data sharing"));
            ClearanceFlows.caseView(caseId).body("route.name", equalTo("pre-election"))
                    .body("flags.find { it.kind == 'pre-election-names' }.terms", contains("Alex Candidate"))
                    .body("flags.find { it.kind == 'pre-election-names' }.clause", equalTo("3.4"));

            given().auth().oauth2(DAVE).queryParam("network", "X").queryParam("account", "clearpost_demo")
                    .get("/pre-election/notice").then().statusCode(200)
                    .body("text", containsString("Flag test election"))
                    .body("text", containsString(String.valueOf(LocalDate.now(OfficeHours.LONDON).plusDays(2)
                            .getYear())))
                    .body("account", equalTo("clearpost_demo"));
        });
    }

    @Test
    void aPostScheduledIntoAPeriodTakesThePreElectionRouteAndIsFlaggedWhenSubmittedBeforeIt() {
        Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS);
        String id = given().auth().oauth2(LENA).contentType(ContentType.JSON)
                .body(period("Scheduled test election", startsAt, startsAt.plus(5, ChronoUnit.DAYS)))
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
        try {
            PostDrafted scheduled = DraftedPostMother.saying("Alex Candidate opens the new library");
            UUID caseId = ClearanceFlows.submit(kafka.sender(), new PostDrafted(scheduled.postId(), 1,
                    scheduled.contentHash(), scheduled.author(), scheduled.text(), scheduled.targets(),
                    startsAt.plus(1, ChronoUnit.DAYS), null, null, null, null, null, List.of(),
                    scheduled.submittedAt()));

            ClearanceFlows.caseView(caseId).body("route.name", equalTo("pre-election"))
                    .body("route.reason", containsString("Scheduled test election"))
                    .body("flags.kind", hasItem("pre-election-names"));
        } finally {
            given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "test over"))
                    .delete("/pre-election/periods/{id}", id).then().statusCode(200);
        }
    }

    private static void duringAPeriod(String name, Consumer<String> test) {
        String id = given().auth().oauth2(LENA).contentType(ContentType.JSON)
                .body(period(name, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(2, ChronoUnit.DAYS)))
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
        try {
            test.accept(id);
        } finally {
            given().auth().oauth2(LENA).contentType(ContentType.JSON).body(Map.of("reason", "test over"))
                    .delete("/pre-election/periods/{id}", id).then().statusCode(200);
        }
    }

    private static PostDrafted essential(PostDrafted p) {
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), p.text(), p.targets(),
                p.scheduledAt(), p.campaign(), p.liveEvent(), "Public safety information", p.replyTo(), p.repostOf(),
                p.warnings(), p.submittedAt());
    }

    private static Map<String, Object> period(String name, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "general");
        body.put("scope", "UK");
        body.put("startsAt", london(startsAt));
        body.put("endsAt", london(endsAt));
        return body;
    }

    /** How a lead types the instant: London wall-clock time, no offset. */
    static String london(Instant instant) {
        return LondonTime.toLocal(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
