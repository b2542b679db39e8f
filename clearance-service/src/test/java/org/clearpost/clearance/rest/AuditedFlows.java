package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaEventSender;
import org.clearpost.testing.TestTokens;

/** Drives real clearance flows (Kafka in, REST decisions), each of which writes audit entries. */
final class AuditedFlows {

    static final String CLEARER = "colin";
    static final String LEAD_TOKEN = TestTokens.forUser("lena", "lead");
    private static final String CLEARER_TOKEN = TestTokens.forUser(CLEARER, "clearer");

    private AuditedFlows() {
    }

    /** Sends the version to clearance and waits until its case is open; returns the case id. */
    static UUID submit(KafkaEventSender sender, PostDrafted drafted) {
        sender.send(drafted);
        // Generous: the first test of a JVM waits for the consumer to join its group on a busy machine.
        return await().atMost(Duration.ofSeconds(60)).until(() -> caseOf(drafted), id -> id != null);
    }

    static void approve(UUID caseId) {
        given().auth().oauth2(CLEARER_TOKEN).contentType(ContentType.JSON).body(Map.of("comment", "Clear and factual"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200);
    }

    static void reject(UUID caseId, String comment) {
        given().auth().oauth2(CLEARER_TOKEN).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .post("/clearances/{id}/reject", caseId).then().statusCode(200);
    }

    private static UUID caseOf(PostDrafted drafted) {
        List<Map<String, Object>> cases = given().auth().oauth2(CLEARER_TOKEN).queryParam("postId", drafted.postId())
                .get("/clearances").then().statusCode(200).extract().path("$");
        return cases.stream().filter(c -> ((Integer) c.get("version")) == drafted.version())
                .map(c -> UUID.fromString((String) c.get("id"))).findFirst().orElse(null);
    }
}
