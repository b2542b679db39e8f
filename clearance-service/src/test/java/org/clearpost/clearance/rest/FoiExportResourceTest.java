package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostVersionWithdrawn.WithdrawalReason;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class FoiExportResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aPostExportsAsJsonWithItsCasesAndEveryEntry() {
        PostDrafted drafted = DraftedPostMother.byDana();
        AuditedFlows.approve(AuditedFlows.submit(kafka.sender(), drafted));

        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept(ContentType.JSON)
                .get("/audit/posts/{postId}", drafted.postId()).then().statusCode(200)
                .body("postId", equalTo(drafted.postId().toString()))
                .body("cases[0].text", equalTo(drafted.text()))
                .body("cases[0].targets.size()", equalTo(2))
                .body("cases[0].status", equalTo("CLEARED"))
                .body("cases[0].decidedBy", equalTo(AuditedFlows.CLEARER))
                .body("cases[0].route.name", equalTo("normal"))
                .body("entries.action", contains("POST_VERSION_SUBMITTED", "ROUTE_CHOSEN", "CASE_APPROVED"))
                .body("entries.actor", contains("dana", "clearance-service", AuditedFlows.CLEARER))
                .body("entries[0].details.text", equalTo(drafted.text()))
                .body("entries[1].details.route", equalTo("normal"))
                .body("entries[2].details.comment", equalTo("Clear and factual"))
                .body("entries[2].details.route", equalTo("normal"))
                .body("entries[2].prevHash.size()", equalTo(64));
    }

    @Test
    void aPostExportsAsCsvWithAHeaderAndOneRowPerEntry() {
        PostDrafted drafted = DraftedPostMother.byDana();
        AuditedFlows.reject(AuditedFlows.submit(kafka.sender(), drafted), "Names a party, and a date");

        String csv = given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept("text/csv")
                .get("/audit/posts/{postId}", drafted.postId()).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("seq,id,occurred_at,actor,action,post_id,version,details,prev_hash,hash");
        assertThat(lines.get(1)).contains(",dana,POST_VERSION_SUBMITTED," + drafted.postId() + ",1,\"{");
        assertThat(lines.get(2)).contains(",clearance-service,ROUTE_CHOSEN," + drafted.postId() + ",1,\"{");
        assertThat(lines.get(3)).contains(",colin,CASE_REJECTED,")
                .contains("\"\"comment\"\":\"\"Names a party, and a date\"\"");
    }

    @Test
    void aPeriodExportsEveryEntryInItAsJsonAndCsv() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        PostDrafted drafted = DraftedPostMother.byDana();
        AuditedFlows.approve(AuditedFlows.submit(kafka.sender(), drafted));
        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);

        given().auth().oauth2(TestTokens.forUser("ada", "admin")).accept(ContentType.JSON)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/audit/entries").then().statusCode(200)
                .body("from", equalTo(from.toString()))
                .body("entries.findAll { it.postId == '" + drafted.postId() + "' }.action",
                        contains("POST_VERSION_SUBMITTED", "ROUTE_CHOSEN", "CASE_APPROVED"));
        String csv = given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept("text/csv")
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/audit/entries").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).filteredOn(line -> line.contains(drafted.postId().toString())).hasSize(3);
    }

    @Test
    void aPostExportIncludesChangesRequestedWithdrawalOverdueAndTheChainStillVerifies() {
        UUID postId = UUID.randomUUID();
        UUID first = AuditedFlows.submit(kafka.sender(), DraftedPostMother.version(postId, 1, "dana"));
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).contentType(ContentType.JSON)
                .body(Map.of("comment", "Add the helpline number")).post("/clearances/{id}/request-changes",
                        first).then().statusCode(200);
        PostDrafted second = DraftedPostMother.version(postId, 2, "dana");
        AuditedFlows.submit(kafka.sender(), second);
        kafka.sender().send(
                new PostVersionWithdrawn(postId, 2, second.contentHash(), "dana", WithdrawalReason.WITHDRAWN,
                Instant.now()));
        // Scheduled a minute ago: due at once, so the overdue scan picks it up.
        PostDrafted late = DraftedPostMother.version(postId, 3, "dana");
        UUID third = AuditedFlows.submit(kafka.sender(), new PostDrafted(postId, 3, late.contentHash(), "dana",
                late.text(), late.targets(), Instant.now().minus(1, ChronoUnit.MINUTES), null, null, null, null, null,
                List.of(), late.submittedAt()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth()
                .oauth2(AuditedFlows.LEAD_TOKEN).accept(ContentType.JSON).get("/audit/posts/{postId}", postId).then()
                .extract().<List<String>>path("entries.action").containsAll(
                        List.of("CASE_WITHDRAWN", "CASE_OVERDUE")));
        AuditedFlows.approve(third);

        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept(ContentType.JSON).get("/audit/posts/{postId}", postId)
                .then().statusCode(200)
                .body("cases.status", contains("CHANGES_REQUESTED", "WITHDRAWN", "CLEARED"))
                .body("cases[2].overdue", equalTo(true))
                .body("entries.action", contains("POST_VERSION_SUBMITTED", "ROUTE_CHOSEN", "CHANGES_REQUESTED",
                        "POST_VERSION_SUBMITTED", "ROUTE_CHOSEN", "CASE_WITHDRAWN", "POST_VERSION_SUBMITTED",
                        "ROUTE_CHOSEN", "CASE_OVERDUE", "CASE_APPROVED"))
                .body("entries.find { it.action == 'CHANGES_REQUESTED' }.details.comment",
                        equalTo("Add the helpline number"))
                .body("entries.find { it.action == 'CASE_WITHDRAWN' }.details.withdrawnBy", equalTo("dana"))
                .body("entries.find { it.action == 'CASE_OVERDUE' }.details.notifiedLeads", contains("lena", "lars"));
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aPeriodOfMoreThanAYearOrWithoutBoundsIsABadRequestNamingTheField() {
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept(ContentType.JSON)
                .queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-06-01T00:00:00Z")
                .get("/audit/entries").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("to"));
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept("text/csv").queryParam("to", "2026-06-01T00:00:00Z")
                .get("/audit/entries").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("from"));
    }

    @Test
    void onlyLeadsAndAdminsExportAndAnUnknownPostIsNotFound() {
        given().accept(ContentType.JSON).get("/audit/posts/{postId}", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).accept(ContentType.JSON)
                .get("/audit/posts/{postId}", UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("dave", "drafter")).accept("text/csv")
                .queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2025-02-01T00:00:00Z")
                .get("/audit/entries").then().statusCode(403);
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).accept(ContentType.JSON)
                .get("/audit/posts/{postId}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
