package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.clearpost.clearance.rest.ClearanceFlows.ADA;
import static org.clearpost.clearance.rest.ClearanceFlows.COLIN;
import static org.clearpost.clearance.rest.ClearanceFlows.LENA;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.clearpost.calendar.BankHolidays;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostVersionWithdrawn.WithdrawalReason;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseLifecycleResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void requestingChangesNeedsACommentAndPublishesChangesRequested() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        ClearanceFlows.decide(COLIN, caseId, "request-changes", "  ").statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("comment"));
        ClearanceFlows.decide(COLIN, caseId, "request-changes", "Say when the office reopens").statusCode(200)
                .body("status", equalTo("CHANGES_REQUESTED")).body("decidedBy", equalTo("colin"));
        ClearanceFlows.approve(ClearanceFlows.CARA, caseId).statusCode(409);

        ChangesRequested requested = (ChangesRequested) ClearanceFlows.awaitEvent(EventType.CHANGES_REQUESTED,
                drafted.postId().toString());
        assertThat(requested.comment()).isEqualTo("Say when the office reopens");
        assertThat(requested.requestedBy()).isEqualTo("colin");
        assertThat(requested.contentHash()).isEqualTo(drafted.contentHash());
    }

    @Test
    void aWithdrawnVersionClosesItsOpenCase() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        kafka.sender().send(new PostVersionWithdrawn(drafted.postId(), 1, drafted.contentHash(), "dana",
                WithdrawalReason.WITHDRAWN, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ClearanceFlows.caseView(caseId)
                .body("status", equalTo("WITHDRAWN")));
        ClearanceFlows.approve(COLIN, caseId).statusCode(409);
        // The refused approval changed nothing; only the attempt is on record.
        assertThat(ClearanceFlows.auditActions(drafted.postId())).containsExactly("POST_VERSION_SUBMITTED",
                "ROUTE_CHOSEN", "CASE_WITHDRAWN", "DECISION_REFUSED");
    }

    @Test
    void theScanMarksACasePastItsScheduledTimeOverdueOnceAndTellsTheLeads() {
        PostDrafted drafted = DraftedPostMother.scheduledAt(Instant.now().minus(2, ChronoUnit.MINUTES));
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        ClearanceOverdue overdue = (ClearanceOverdue) ClearanceFlows.awaitEvent(EventType.CLEARANCE_OVERDUE,
                drafted.postId().toString());
        assertThat(overdue.caseId()).isEqualTo(caseId);
        assertThat(overdue.notifiedLeads()).containsExactly("lena", "lars");
        // PostgreSQL rounds to microseconds.
        assertThat(overdue.dueAt()).isCloseTo(drafted.scheduledAt(), within(1, ChronoUnit.MICROS));
        assertThat(overdue.route()).isEqualTo("normal");
        ClearanceFlows.caseView(caseId).body("overdue", equalTo(true));
        // The scan runs every second in tests: a few more runs must not raise it again.
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
        assertThat(ClearanceFlows.events(EventType.CLEARANCE_OVERDUE, drafted.postId().toString(),
                Duration.ofSeconds(5))).hasSize(1);
        assertThat(ClearanceFlows.auditActions(drafted.postId())).containsOnlyOnce("CASE_OVERDUE");
    }

    @Test
    void theQueueFiltersByRouteCampaignNetworkFlagsOverdueAndDueTimeSoonestDueFirst() {
        String campaign = "queue-" + UUID.randomUUID();
        PostDrafted inCampaign = DraftedPostMother.forCampaign(campaign, LocalDate.now().minusDays(1));
        PostDrafted flagged = DraftedPostMother.saying("Widgetly is not endorsed by us");
        PostDrafted late = DraftedPostMother.scheduledAt(Instant.now().minus(1, ChronoUnit.MINUTES));
        PostDrafted soon = DraftedPostMother.scheduledAt(Instant.now().plus(3, ChronoUnit.MINUTES));
        UUID campaignCase = ClearanceFlows.submit(kafka.sender(), inCampaign);
        UUID flaggedCase = ClearanceFlows.submit(kafka.sender(), flagged);
        UUID lateCase = ClearanceFlows.submit(kafka.sender(), late);
        UUID soonCase = ClearanceFlows.submit(kafka.sender(), soon);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ClearanceFlows.caseView(lateCase)
                .body("overdue", equalTo(true)));

        assertThat(ids(Map.of("campaign", campaign))).containsExactly(campaignCase);
        assertThat(ids(Map.of("flagged", "true"))).contains(flaggedCase).doesNotContain(campaignCase, lateCase);
        assertThat(ids(Map.of("flagged", "false"))).contains(campaignCase).doesNotContain(flaggedCase);
        assertThat(ids(Map.of("network", "FACEBOOK"))).contains(campaignCase).doesNotContain(flaggedCase);
        assertThat(ids(Map.of("network", "X"))).contains(campaignCase, flaggedCase);
        assertThat(ids(Map.of("overdue", "true"))).contains(lateCase).doesNotContain(soonCase, campaignCase);
        assertThat(ids(Map.of("route", "normal"))).contains(campaignCase, lateCase);
        assertThat(ids(Map.of("route", "crisis"))).doesNotContain(campaignCase, lateCase);
        List<UUID> dueSoon = ids(Map.of("dueBefore", Instant.now().plus(10, ChronoUnit.MINUTES).toString()));
        assertThat(dueSoon).contains(lateCase, soonCase).doesNotContain(campaignCase);
        assertThat(dueSoon.indexOf(lateCase)).isLessThan(dueSoon.indexOf(soonCase));
        assertThat(ids(Map.of("size", "1", "page", "0"))).hasSize(1);

        given().auth().oauth2(COLIN).queryParam("dueBefore", "tomorrow").get("/clearances").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("dueBefore"));
        given().auth().oauth2(COLIN).queryParam("network", "MYSPACE").get("/clearances").then().statusCode(400)
                .body("violations[0].field", equalTo("network"));
        given().auth().oauth2(COLIN).queryParam("postId", "post-1").get("/clearances").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("postId"));
    }

    @Test
    void theCaseViewShowsThePostAsEachNetworkGetsItWithWarningsFlagsRouteAndDueTime() {
        PostDrafted drafted = DraftedPostMother.rendered();
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        ClearanceFlows.caseView(caseId)
                .body("targets.network", contains("X", "LINKEDIN", "YOUTUBE", "X"))
                .body("targets[0].text", equalTo("New figures on complaints (1/2)"))
                .body("targets[0].threadParts", contains("What this means for you (2/2)"))
                .body("targets[0].media[0].altText", equalTo("Bar chart of complaints by month"))
                .body("targets[1].firstComment", equalTo("Read the full report on our website."))
                .body("targets[2].title", equalTo("Complaint figures 2026"))
                .body("targets[3].account", equalTo("clearpost_corporate"))
                .body("targets[3].sharesTargetId", equalTo(drafted.targets().get(0).targetId().toString()))
                .body("targets[3].text", equalTo("New figures on complaints"))
                .body("warnings[0].check", equalTo("reading-ease"))
                .body("flags", empty())
                .body("route.name", equalTo("normal"))
                .body("route.reason", containsString("not a live-event post"))
                .body("route.remainingSteps[0].role", equalTo("clearer"))
                .body("dueAt", not(nullValue()))
                .body("overdue", equalTo(false));

        UUID flaggedCase = ClearanceFlows.submit(kafka.sender(),
                DraftedPostMother.saying("Jane Example MP praised Widgetly and the Green Party"));
        ClearanceFlows.caseView(flaggedCase)
                .body("flags.kind", contains("party", "politician", "commercial-product"))
                .body("flags.clause", contains("3.1", "3.1", "3.3"))
                .body("flags[0].terms", contains("Green Party"))
                .body("flags[2].terms", contains("Widgetly"));
    }

    @Test
    void anAdminUploadsBankHolidaysThatDeadlinesUseFromThenOn() throws IOException {
        given().auth().oauth2(ADA).contentType(ContentType.JSON).body("{\"england-and-wales\": {\"division\": 1}}")
                .put("/calendar/bank-holidays").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Not a gov.uk bank-holidays.json file"));
        given().auth().oauth2(LENA).contentType(ContentType.JSON).body(bundled()).put("/calendar/bank-holidays")
                .then().statusCode(403);

        // Every day of the next fortnight a holiday: a normal case cannot fall due before it is over.
        LocalDate today = LocalDate.now(OfficeHours.LONDON);
        given().auth().oauth2(ADA).contentType(ContentType.JSON).body(holidaysFrom(today, 15))
                .put("/calendar/bank-holidays").then().statusCode(200).body("uploadedBy", equalTo("ada"));
        try {
            given().auth().oauth2(LENA).get("/calendar/bank-holidays").then().statusCode(200)
                    .body("uploadedBy", equalTo("ada")).body("division", equalTo("england-and-wales"));
            UUID caseId = ClearanceFlows.submit(kafka.sender(), DraftedPostMother.byDana());
            Instant due = Instant.parse(ClearanceFlows.caseView(caseId).extract().path("dueAt"));
            assertThat(due).isAfter(today.plusDays(15).atStartOfDay(OfficeHours.LONDON).toInstant());
        } finally {
            given().auth().oauth2(ADA).contentType(ContentType.JSON).body(bundled()).put("/calendar/bank-holidays")
                    .then().statusCode(200);
        }
        given().auth().oauth2(LENA).accept(ContentType.JSON)
                .queryParam("from", Instant.now().minus(5, ChronoUnit.MINUTES).toString())
                .queryParam("to", Instant.now().plus(1, ChronoUnit.MINUTES).toString())
                .get("/audit/entries").then().statusCode(200).body("entries.action", hasItem("BANK_HOLIDAYS_UPLOADED"));
    }

    private static List<UUID> ids(Map<String, String> filters) {
        Map<String, String> paged = new HashMap<>(Map.of("size", "200"));
        paged.putAll(filters);
        List<String> ids = given().auth().oauth2(COLIN).queryParams(paged).get("/clearances").then().statusCode(200)
                .extract().path("id");
        return ids.stream().map(UUID::fromString).toList();
    }

    private static String bundled() throws IOException {
        try (InputStream in = BankHolidays.class.getResourceAsStream(BankHolidays.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String holidaysFrom(LocalDate first, int days) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < days; i++) {
            dates.add(first.plusDays(i));
        }
        // New Year's Day of the next two years, so the data reaches well past the fortnight whatever the date.
        LocalDate last = first.plusDays(days);
        dates.add(LocalDate.of(last.getYear() + 1, 1, 1));
        dates.add(LocalDate.of(last.getYear() + 2, 1, 1));
        List<String> events = dates.stream().map(date -> "{\"title\":\"Test holiday\",\"date\":\"" + date
                + "\",\"notes\":\"\",\"bunting\":false}").toList();
        return "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
                + String.join(",", events) + "]}}";
    }
}
