package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestSigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every PostCleared leaves clearance signed and stamped with the emergency stop in force, and a decision taken while
 * a suspension is asked for is unambiguously before or after it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class SignedDecisionTest {

    static final int RACES = 10;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @AfterEach
    void resumeIfSuspended() {
        resume();
    }

    @Test
    void aPostClearedWhilePublishingRunsIsSignedAndHeldByNothing() {
        PostDrafted drafted = DraftedPostMother.byDana();
        ClearanceFlows.approve(ClearanceFlows.COLIN, ClearanceFlows.submit(kafka.sender(), drafted)).statusCode(200);

        ConsumerRecord<String, String> record = ClearanceFlows.events(EventType.POST_CLEARED,
                drafted.postId().toString(), Duration.ofSeconds(30)).get(0);
        PostCleared cleared = (PostCleared) EventJson.read(EventType.POST_CLEARED, record.value());

        assertThat(cleared.heldBySuspension()).isNull();
        // Verified over the record as the relay sent it, after the jsonb round trip of the outbox.
        DecisionSignatures.verify(record.value(), TestSigningKeys.publicJwk());
    }

    @Test
    void aPostClearedDuringASuspensionCarriesItsIdSigned() {
        PostDrafted drafted = DraftedPostMother.byDana();
        UUID caseId = ClearanceFlows.submit(kafka.sender(), drafted);
        UUID suspensionId = suspend();

        ClearanceFlows.approve(ClearanceFlows.COLIN, caseId).statusCode(200);

        ConsumerRecord<String, String> record = ClearanceFlows.events(EventType.POST_CLEARED,
                drafted.postId().toString(), Duration.ofSeconds(30)).get(0);
        PostCleared cleared = (PostCleared) EventJson.read(EventType.POST_CLEARED, record.value());
        assertThat(cleared.heldBySuspension()).isEqualTo(suspensionId);
        DecisionSignatures.verify(record.value(), TestSigningKeys.publicJwk());
    }

    /**
     * The audit chain is appended in commit order (one lock, held to commit), so it says which of the two committed
     * first: an approval after the suspension must name it, one before must not.
     */
    @Test
    void anApprovalRacingASuspensionIsWhollyBeforeOrWhollyAfterIt() throws Exception {
        List<PostDrafted> posts = new ArrayList<>();
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < RACES; i++) {
            PostDrafted drafted = DraftedPostMother.byDana();
            posts.add(drafted);
            cases.add(ClearanceFlows.submit(kafka.sender(), drafted));
        }
        int after = 0;
        for (int i = 0; i < RACES; i++) {
            CountDownLatch go = new CountDownLatch(1);
            UUID caseId = cases.get(i);
            CompletableFuture<UUID> suspension = CompletableFuture.supplyAsync(() -> {
                await(go);
                return suspend();
            });
            CompletableFuture<Integer> approval = CompletableFuture.supplyAsync(() -> {
                await(go);
                return ClearanceFlows.approve(ClearanceFlows.COLIN, caseId).extract().statusCode();
            });
            go.countDown();
            UUID suspensionId = suspension.get();
            assertThat(approval.get()).isEqualTo(200);
            resume();

            List<JsonNode> entries = exportEntries(posts.get(i).postId());
            JsonNode approved = entries.stream().filter(e -> e.path("action").asText().equals("CASE_APPROVED"))
                    .findFirst().orElseThrow();
            long suspendedSeq = suspensionSeq(suspensionId);
            JsonNode held = approved.path("details").path("heldBySuspension");
            if (approved.path("seq").asLong() > suspendedSeq) {
                after++;
                assertThat(held.asText()).as("approval committed after suspension %s", suspensionId)
                        .isEqualTo(suspensionId.toString());
            } else {
                assertThat(held.isMissingNode() || held.isNull()).as("approval committed before the suspension")
                        .isTrue();
            }
        }
        System.out.printf("suspend/approve races: %d of %d approvals committed after the suspension%n", after,
                RACES);
    }

    @Test
    void theAuditExportProvesAClearanceByItsSignature() {
        PostDrafted drafted = DraftedPostMother.byDana();
        ClearanceFlows.approve(ClearanceFlows.COLIN, ClearanceFlows.submit(kafka.sender(), drafted)).statusCode(200);

        JsonNode export = export(drafted.postId());
        JsonNode key = export.path("clearancePublicKey");
        JsonNode approved = findApproved(export);

        assertThat(key.path("kty").asText()).isEqualTo("EC");
        assertThat(key.has("d")).as("no private part in the export").isFalse();
        // An auditor holds only the export: the decision as recorded, its signature and the key.
        DecisionSignatures.verify(approved.path("details").toString(), key.toString());
        assertThat(approved.path("details").path("text").asText()).isEqualTo(drafted.text());
        // And the signature proves that content and no other.
        ((com.fasterxml.jackson.databind.node.ObjectNode) approved.path("details")).put("text", "Something else");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DecisionSignatures.verify(
                approved.path("details").toString(), key.toString()))
                .isInstanceOf(DecisionSignatures.ForgedDecisionException.class);
    }

    private static JsonNode findApproved(JsonNode export) {
        for (JsonNode entry : export.path("entries")) {
            if (entry.path("action").asText().equals("CASE_APPROVED")) {
                return entry;
            }
        }
        throw new AssertionError("no CASE_APPROVED entry in " + export);
    }

    private static JsonNode export(UUID postId) {
        String body = given().auth().oauth2(ClearanceFlows.LENA).accept(ContentType.JSON)
                .get("/audit/posts/{postId}", postId).then().statusCode(200).extract().asString();
        try {
            return EventJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> exportEntries(UUID postId) {
        List<JsonNode> entries = new ArrayList<>();
        export(postId).path("entries").forEach(entries::add);
        return entries;
    }

    private static long suspensionSeq(UUID suspensionId) {
        String body = given().auth().oauth2(ClearanceFlows.LENA).accept(ContentType.JSON)
                .queryParam("from", java.time.Instant.now().minusSeconds(600).toString())
                .queryParam("to", java.time.Instant.now().plusSeconds(5).toString())
                .get("/audit/entries").then().statusCode(200).extract().asString();
        try {
            for (JsonNode entry : EventJson.mapper().readTree(body).path("entries")) {
                if (entry.path("action").asText().equals("PUBLISHING_SUSPENDED")
                        && entry.path("details").path("suspensionId").asText().equals(suspensionId.toString())) {
                    return entry.path("seq").asLong();
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("suspension " + suspensionId + " not audited");
    }

    private static UUID suspend() {
        String id = given().auth().oauth2(ClearanceFlows.LENA).contentType(ContentType.JSON)
                .body(Map.of("reason", "Major incident")).post("/publishing/suspension").then().statusCode(200)
                .extract().path("id");
        return UUID.fromString(id);
    }

    private static void resume() {
        given().auth().oauth2(ClearanceFlows.ADA).contentType(ContentType.JSON).body(Map.of())
                .delete("/publishing/suspension");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
