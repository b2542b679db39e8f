package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.clearance.rest.ClearanceFlows.COLIN;
import static org.clearpost.clearance.rest.ClearanceFlows.LENA;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policy 5.1: a refused decision rolls back, but the attempt is on the audit trail and in the FOI export. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class RefusedDecisionsTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void anAuthorTryingToClearTheirOwnPostAndALateSecondApprovalAreBothOnRecord() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        PostDrafted drafted = DraftedPostMother.version(UUID.randomUUID(), 1, "lee");
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);

        ClearanceFlows.decide(TestTokens.forUser("lee", "clearer", "lead"), caseId, "approve", "Mine, but fine")
                .statusCode(403).body("title", equalTo("Two-person rule"));
        ClearanceFlows.decide(TestTokens.forUser("lee", "clearer", "lead"), caseId, "reject", "Changed my mind")
                .statusCode(403);
        ClearanceFlows.approve(COLIN, caseId).statusCode(200).body("status", equalTo("CLEARED"));
        ClearanceFlows.decide(ClearanceFlows.CARA, caseId, "request-changes", "Too late?").statusCode(409);

        // The refused attempts are on the post's trail, in order, and nothing they tried took effect.
        assertThat(ClearanceFlows.auditActions(drafted.postId())).containsExactly("POST_VERSION_SUBMITTED",
                "ROUTE_CHOSEN", "DECISION_REFUSED", "DECISION_REFUSED", "CASE_APPROVED", "DECISION_REFUSED");
        List<Map<String, Object>> refused = given().auth().oauth2(LENA).accept(ContentType.JSON)
                .get("/audit/posts/{postId}", drafted.postId()).then().statusCode(200).extract()
                .path("entries.findAll { it.action == 'DECISION_REFUSED' }");
        assertThat(refused).extracting(e -> e.get("actor")).containsExactly("lee", "lee", "cara");
        Map<String, Object> first = details(refused.get(0));
        assertThat(first).containsEntry("decision", "approve").containsEntry("status", 403)
                .containsEntry("refusal", "Two-person rule").containsEntry("comment", "Mine, but fine")
                .containsEntry("caseId", caseId.toString()).containsEntry("route", "normal")
                .containsEntry("roles", List.of("clearer", "lead"));
        assertThat(details(refused.get(1))).containsEntry("decision", "reject");
        assertThat(details(refused.get(2))).containsEntry("decision", "request-changes")
                .containsEntry("status", 409).containsEntry("caseStatus", "CLEARED");

        // In the FOI export too, and the chain still verifies.
        List<String> exported = given().auth().oauth2(LENA).accept(ContentType.JSON)
                .queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/audit/entries").then().statusCode(200).extract()
                .path("entries.findAll { it.postId == '" + drafted.postId() + "' }.action");
        assertThat(exported).containsOnlyOnce("CASE_APPROVED").filteredOn("DECISION_REFUSED"::equals).hasSize(3);
        String csv = given().auth().oauth2(LENA).accept("text/csv").get("/audit/posts/{postId}", drafted.postId())
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("DECISION_REFUSED").contains("Two-person rule");
        given().auth().oauth2(LENA).get("/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("details");
    }
}
