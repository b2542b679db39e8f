package org.clearpost.monitoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.monitoring.rest.InboxTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.SavedReplyDefined;
import org.clearpost.events.SavedReplyDeleted;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.inbox.SavedReplies;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class SavedReplyResourceTest {

    private static final String SOURCE = "/clearpost/monitoring-service";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    @Inject
    DataSource dataSource;

    @Inject
    SavedReplies savedReplies;

    private static String body(String name, String text) {
        return "{\"name\": \"" + name + "\", \"text\": \"" + text + "\"}";
    }

    @Test
    void createReadUpdateDelete() {
        String name = "Thanks " + UUID.randomUUID();
        String id = as("mo", "monitor").contentType(ContentType.JSON)
                .body(body(name, "Thank you {author}, we have passed this on."))
                .post("/saved-replies").then().statusCode(201)
                .header("Location", containsString("/saved-replies/"))
                .body("name", equalTo(name)).body("createdBy", equalTo("mo")).extract().path("id");

        as("ana", "analyst").get("/saved-replies/" + id).then().statusCode(200)
                .body("text", equalTo("Thank you {author}, we have passed this on."));
        as("ana", "analyst").get("/saved-replies").then().statusCode(200).body("id", hasItem(id));

        as("lee", "lead").contentType(ContentType.JSON).body(body(name, "Thanks {handle}!"))
                .put("/saved-replies/" + id).then().statusCode(200)
                .body("text", equalTo("Thanks {handle}!")).body("changedBy", equalTo("lee"))
                .body("createdBy", equalTo("mo"));

        as("mo", "monitor").delete("/saved-replies/" + id).then().statusCode(204);
        as("mo", "monitor").get("/saved-replies/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as("mo", "monitor").delete("/saved-replies/" + id).then().statusCode(404);
        as("mo", "monitor").get("/saved-replies").then().body("id", not(hasItem(id)));

        // Each change is an event on the reply's key, in order: created, changed, deleted (the 404 sent nothing).
        topic.awaitRecords(Topics.MONITORING_INBOX_SETTINGS, r -> id.equals(r.key())
                && EventType.SAVED_REPLY_DELETED.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)),
                KAFKA_TIMEOUT);
        List<ConsumerRecord<String, String>> records = topic.awaitRecords(Topics.MONITORING_INBOX_SETTINGS,
                r -> id.equals(r.key()), KAFKA_TIMEOUT);
        assertThat(records).hasSize(3);
        SavedReplyDefined created = (SavedReplyDefined) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.SAVED_REPLY_DEFINED, SOURCE);
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.text()).isEqualTo("Thank you {author}, we have passed this on.");
        assertThat(created.definedBy()).isEqualTo("mo");
        SavedReplyDefined changed = (SavedReplyDefined) CloudEventAssertions.assertCloudEvent(records.get(1),
                EventType.SAVED_REPLY_DEFINED, SOURCE);
        assertThat(changed.text()).isEqualTo("Thanks {handle}!");
        assertThat(changed.definedBy()).isEqualTo("lee");
        SavedReplyDeleted deleted = (SavedReplyDeleted) CloudEventAssertions.assertCloudEvent(records.get(2),
                EventType.SAVED_REPLY_DELETED, SOURCE);
        assertThat(deleted.savedReplyId()).hasToString(id);
        assertThat(deleted.deletedBy()).isEqualTo("mo");
    }

    @Test
    void refusesUnknownPlaceholdersAndASecondReplyOfOneName() {
        as("mo", "monitor").contentType(ContentType.JSON).body(body("Typo", "Dear {autor}"))
                .post("/saved-replies").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", containsString("{autor}"));
        String name = "Unique " + UUID.randomUUID();
        as("mo", "monitor").contentType(ContentType.JSON).body(body(name, "Hello")).post("/saved-replies")
                .then().statusCode(201);
        as("mo", "monitor").contentType(ContentType.JSON).body(body(name.toUpperCase(), "Hello again"))
                .post("/saved-replies").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("already named"));
        as("mo", "monitor").contentType(ContentType.JSON).body("{\"name\": \"\", \"text\": \"x\"}")
                .post("/saved-replies").then().statusCode(400).body("violations[0].field", containsString("name"));
    }

    @Test
    void analystsOnlyRead() {
        as("ana", "analyst").contentType(ContentType.JSON).body(body("No", "No")).post("/saved-replies").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE);
        as("dana", "drafter").get("/saved-replies").then().statusCode(403);
    }

    @Test
    void rendersForTheMentionBeingAnswered() {
        UUID mention = new StoredMentions(dataSource).store(Network.X, "Help?", Instant.parse("2991-01-01T10:00:00Z"));
        String id = as("mo", "monitor").contentType(ContentType.JSON)
                .body(body("Render " + UUID.randomUUID(), "Hi {author} ({handle}), see our guide."))
                .post("/saved-replies").then().statusCode(201).extract().path("id");

        assertThat(savedReplies.render(UUID.fromString(id), mention))
                .isEqualTo("Hi Ruth Resident (@ruthr), see our guide.");
    }
}
