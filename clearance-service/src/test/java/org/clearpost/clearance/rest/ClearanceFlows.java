package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaEventSender;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.TestTokens;

/** The people of Communications, and the steps of clearance flows driven through Kafka and REST. */
final class ClearanceFlows {

    static final String SOURCE = "/clearpost/clearance-service";
    static final String COLIN = TestTokens.forUser("colin", "clearer");
    static final String CARA = TestTokens.forUser("cara", "clearer");
    /** Holds both deciding roles, so only the one-step-per-person rule stops her taking two steps. */
    static final String CLEO = TestTokens.forUser("cleo", "clearer", "lead");
    static final String LENA = TestTokens.forUser("lena", "lead");
    static final String ADA = TestTokens.forUser("ada", "admin");
    static final String DAVE = TestTokens.forUser("dave", "drafter");

    private ClearanceFlows() {
    }

    /** Sends the version to clearance and waits until its case exists (in any status); returns the case id. */
    static UUID submit(KafkaEventSender sender, PostDrafted drafted) {
        sender.send(drafted);
        // Generous: the first test of a JVM waits for the consumer to join its group on a busy machine.
        return await().atMost(Duration.ofSeconds(60)).until(() -> caseOf(drafted), id -> id != null);
    }

    static ValidatableResponse caseView(UUID caseId) {
        return given().auth().oauth2(COLIN).get("/clearances/{id}", caseId).then().statusCode(200);
    }

    static ValidatableResponse decide(String token, UUID caseId, String decision, String comment) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(comment == null ? Map.of() : Map.of("comment", comment))
                .post("/clearances/{id}/" + decision, caseId).then();
    }

    static ValidatableResponse approve(String token, UUID caseId) {
        return decide(token, caseId, "approve", "Looks right");
    }

    /** Waits for the one event of {@code type} about {@code postId} on its topic and checks it as a CloudEvent. */
    static ClearpostEvent awaitEvent(EventType type, String key) {
        List<ConsumerRecord<String, String>> records = events(type, key, Duration.ofSeconds(30));
        return CloudEventAssertions.assertCloudEvent(records.get(0), type, SOURCE);
    }

    /**
     * The one event of {@code type} keyed {@code key} (a period's id) that is about {@code postId}: the pre-election
     * topic carries a period's refusals and exemptions for many posts under its key.
     */
    static ClearpostEvent awaitEventAbout(EventType type, String key, UUID postId) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.fromConfig().awaitRecords(type.topic(),
                r -> key.equals(r.key()) && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE))
                        && r.value().contains(postId.toString()), Duration.ofSeconds(30));
        if (records.size() != 1) {
            throw new AssertionError(records.size() + " " + type + " events about post " + postId);
        }
        return checked(records.get(0), type);
    }

    /**
     * As {@link CloudEventAssertions#assertCloudEvent}, which also validates the body against the type's schema; the
     * types of issue 12 have none in {@code events} yet, so for them the headers, key and record are checked alone.
     */
    static ClearpostEvent checked(ConsumerRecord<String, String> record, EventType type) {
        if (EventType.class.getResource(type.schemaResource()) != null) {
            return CloudEventAssertions.assertCloudEvent(record, type, SOURCE);
        }
        if (!type.ceType().equals(KafkaTopicReader.header(record, CloudEventHeaders.TYPE))
                || !SOURCE.equals(KafkaTopicReader.header(record, CloudEventHeaders.SOURCE))
                || KafkaTopicReader.header(record, CloudEventHeaders.ID) == null) {
            throw new AssertionError("not a " + type.ceType() + " CloudEvent from " + SOURCE + ": " + record);
        }
        ClearpostEvent event = EventJson.read(type, record.value());
        if (!event.aggregateId().equals(record.key())) {
            throw new AssertionError(type + " keyed " + record.key() + ", not by " + event.aggregateId());
        }
        return event;
    }

    static List<ConsumerRecord<String, String>> events(EventType type, String key, Duration timeout) {
        return KafkaTopicReader.fromConfig().awaitRecords(type.topic(), r -> key.equals(r.key())
                && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), timeout);
    }

    /** The audit actions recorded about a post, in chain order. */
    static List<String> auditActions(UUID postId) {
        return given().auth().oauth2(LENA).accept(ContentType.JSON).get("/audit/posts/{postId}", postId).then()
                .statusCode(200).extract().path("entries.action");
    }


    private static UUID caseOf(PostDrafted drafted) {
        for (String status : List.of("PENDING", "CLEARED", "WITHDRAWN")) {
            List<Map<String, Object>> cases = given().auth().oauth2(COLIN).queryParam("postId", drafted.postId())
                    .queryParam("status", status).get("/clearances").then().statusCode(200).extract().path("$");
            UUID found = cases.stream().filter(c -> ((Integer) c.get("version")) == drafted.version())
                    .map(c -> UUID.fromString((String) c.get("id"))).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
