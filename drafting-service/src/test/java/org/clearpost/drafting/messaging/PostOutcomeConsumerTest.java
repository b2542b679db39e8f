package org.clearpost.drafting.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostOutcomeConsumerTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @BeforeAll
    static void connect() {
        // The consumers join their group in the background after start; wait for both before timing any test.
        UUID nobody = UUID.randomUUID();
        ProducerRecord<String, String> decision = kafka.sender().send(
                new PostRejected(nobody, 1, "sha256:" + "0".repeat(64),
                "colin", "readiness probe", Instant.now()));
        ProducerRecord<String, String> publication = kafka.sender().send(
                new PublicationFailed(nobody, 1, UUID.randomUUID(),
                Network.X, "nobody", "readiness probe", Instant.now()));
        for (ProducerRecord<String, String> probe : List.of(decision, publication)) {
            String eventId = new String(probe.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(90)).until(() -> ProcessedEvents.contains(eventId));
        }
    }

    @Test
    void clearanceAndPublicationOutcomesShowPerTarget() {
        UUID id = PostMother.submitted();
        JsonPath post = post(id);
        List<Target> targets = targets(post);

        kafka.sender().send(new PostCleared(id, 1, post.getString("contentHash"), "dana", "normal", "colin",
                "Good to go", post.getString("text"), targets, null, null, null, null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLEARED".equals(post(id).getString("status")));

        kafka.sender().send(new PostPublished(id, 1, targets.get(0).targetId(), Network.X, "clearpost_demo", "1790",
                "https://x.com/clearpost_demo/status/1790", false, Instant.now()));
        kafka.sender().send(new PublicationFailed(id, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                "account 1234567890 on FACEBOOK is not connected", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "PARTLY_PUBLISHED".equals(post(id).getString("status")));
        JsonPath done = post(id);
        assertThat(done.getString("decidedBy")).isEqualTo("colin");
        assertThat(done.getString("targets[0].status")).isEqualTo("PUBLISHED");
        assertThat(done.getString("targets[0].url")).isEqualTo("https://x.com/clearpost_demo/status/1790");
        assertThat(done.getString("targets[1].status")).isEqualTo("FAILED");
        assertThat(done.getString("targets[1].failureReason")).contains("not connected");
    }

    @Test
    void changesRequestedShowTheCommentAndNeedANewVersion() {
        UUID id = PostMother.submitted();
        JsonPath post = post(id);

        kafka.sender().send(new ChangesRequested(id, 1, post.getString("contentHash"), "colin",
                "Say which guidance: link the page", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CHANGES_REQUESTED".equals(post(id).getString("status")));

        JsonPath sentBack = post(id);
        assertThat(sentBack.getList("targets.status")).containsOnly("CHANGES_REQUESTED");
        assertThat(sentBack.getString("decidedBy")).isEqualTo("colin");
        assertThat(sentBack.getString("decisionComment")).isEqualTo("Say which guidance: link the page");
        given().auth().oauth2(PostMother.drafterToken()).post("/posts/{id}/submit", id).then().statusCode(409);
        given().auth().oauth2(PostMother.drafterToken()).contentType("application/json")
                .body(PostMother.twoNetworkPost()).put("/posts/{id}", id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    }

    @Test
    void aClearedPostWithAFutureTimeIsScheduled() {
        UUID id = PostMother.submitted(PostMother.with(PostMother.twoNetworkPost(), "scheduledFor",
                "2027-06-01T09:00"));
        JsonPath post = post(id);

        kafka.sender().send(new PostCleared(id, 1, post.getString("contentHash"), "dana", "normal", "colin", null,
                post.getString("text"), targets(post), Instant.parse("2027-06-01T08:00:00Z"), null, null, null, null,
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SCHEDULED".equals(post(id).getString("status")));

        assertThat(post(id).getList("targets.status")).containsOnly("SCHEDULED");
        given().auth().oauth2(PostMother.drafterToken()).queryParam("status", "SCHEDULED")
                .queryParam("account", "clearpost_demo").queryParam("size", 200).get("/posts").then()
                .body("id", org.hamcrest.Matchers.hasItem(id.toString()));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID id = PostMother.submitted();
        JsonPath post = post(id);
        List<Target> targets = targets(post);
        kafka.sender().send(new PostCleared(id, 1, post.getString("contentHash"), "dana", "normal", "colin", null,
                post.getString("text"), targets, null, null, null, null, null, Instant.now()));
        Target x = targets.get(0);

        ProducerRecord<String, String> failure = kafka.sender().send(
                new PublicationFailed(id, 1, x.targetId(), Network.X,
                x.account(), "X answered 503", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(post(id).getString("targets[0].status")));
        kafka.sender().send(new PostPublished(id, 1, x.targetId(), Network.X, x.account(), "1791",
                "https://x.com/clearpost_demo/status/1791", false, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PUBLISHED".equals(post(id).getString("targets[0].status")));

        kafka.sender().send(failure); // the same CloudEvent again, as after a consumer crash before its offset commit
        ProducerRecord<String, String> marker = kafka.sender().send(
                new PostRejected(id, 1, post.getString("contentHash"),
                "lee", "late and stale", Instant.now()));
        awaitProcessed(marker);

        assertThat(post(id).getString("targets[0].status")).isEqualTo("PUBLISHED");
    }

    @Test
    void aDecisionOnAnOlderVersionIsIgnored() {
        UUID id = PostMother.submitted();
        JsonPath post = post(id);

        ProducerRecord<String, String> stale = kafka.sender().send(
                new PostRejected(id, 7, post.getString("contentHash"),
                "colin", "wrong version", Instant.now()));
        awaitProcessed(stale);

        assertThat(post(id).getString("status")).isEqualTo("IN_CLEARANCE");
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        kafka.sender().send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, key, "{\"no\":\"cloud event headers\"}"));

        var dead = kafka.reader().awaitRecords("clearpost.drafting-service.dead-letter",
                r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ce_id");
    }

    /** Waits until drafting has processed the record: its event id is in the processed-event log. */
    private static void awaitProcessed(ProducerRecord<String, String> record) {
        String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessedEvents.contains(eventId));
    }

    private static JsonPath post(UUID id) {
        return given().auth().oauth2(PostMother.drafterToken()).get("/posts/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Target> targets(JsonPath post) {
        return List.of(
                new Target(UUID.fromString(post.getString("targets[0].id")), Network.X, "clearpost_demo"),
                new Target(UUID.fromString(post.getString("targets[1].id")), Network.FACEBOOK, "1234567890"));
    }
}
