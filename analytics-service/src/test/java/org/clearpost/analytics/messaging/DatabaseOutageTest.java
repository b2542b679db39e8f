package org.clearpost.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.TcpProxy;
import org.clearpost.testing.TestTokens;
import org.clearpost.testing.UnreliableDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service's database goes away (its connections break, new ones are refused) and comes back: an event read
 * meanwhile is held and retried, then processed once, and never dead-lettered; requests meanwhile get 503.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreliableDatabase.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseOutageTest {

    private static final String ANA = TestTokens.forUser("ana", "analyst");
    private static final String DEAD_LETTER = "clearpost.analytics-service.dead-letter";
    private static final String DRAFTED = "byType.'clearpost.post.drafted.v1'";

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    /** Injected by {@link UnreliableDatabase}. */
    TcpProxy database;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void anEventReadWhileTheDatabaseIsAwayIsProcessedOnceWhenItIsBackAndNeverDeadLettered() {
        JsonPath before = counts();
        double retriesBefore = retries();

        database.cut();
        UUID postId = UUID.randomUUID();
        ProducerRecord<String, String> sent = kafka.sender().send(new PostDrafted(postId, 1, "sha256:" + "0".repeat(64),
                "dana", "Hello", List.of(new Target(UUID.randomUUID(), Network.X, "clearpost_demo")), null, null,
                null, null, null, null, List.of(), Instant.now()));
        // The consumer has met the outage several times (so the back-off grew past its first steps) ...
        await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 4);
        database.restore();

        // ... and once the database is back the event counts exactly once.
        await().atMost(Duration.ofSeconds(30)).until(() -> total() == before.getLong("total") + 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> total() == before.getLong("total") + 1);
        long draftedBefore = before.get(DRAFTED) == null ? 0 : before.getLong(DRAFTED);
        assertThat(counts().getLong(DRAFTED)).isEqualTo(draftedBefore + 1);

        String eventId = new String(sent.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        assertThat(kafka.reader().readAll(DEAD_LETTER, Duration.ofSeconds(2)))
                .noneMatch(r -> postId.toString().equals(r.key()))
                .noneMatch(r -> eventId.equals(KafkaTopicReader.header(r, "ce_id")));
    }

    @Test
    void aRequestWhileTheDatabaseIsAwayGets503WithRetryAfterAndProblemJson() {
        counts();
        database.cut();
        long started = System.nanoTime();
        given().auth().oauth2(ANA).get("/figures/counts").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", org.hamcrest.Matchers.equalTo(503))
                .body("title", org.hamcrest.Matchers.equalTo("Service Unavailable"));
        // The datasource's acquisition timeout (2 s, service-support's default) bounds the wait; the margin is for
        // a test machine shared by several builds, where the first request after the cut has been seen at 6-8 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            given().auth().oauth2(ANA).get("/figures/counts").then().statusCode(503);
            System.out.printf("503 while the database is away, answered in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }

        database.restore();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().auth().oauth2(ANA).get("/figures/counts").then().statusCode(200));
    }

    @Test
    void aRecordThatCanNeverBeReadStillGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        kafka.sender().send(new ProducerRecord<>(Topics.DRAFTING_POSTS, key, "{\"no\":\"cloud event headers\"}"));

        var dead = kafka.reader().awaitRecords(DEAD_LETTER, r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ce_id");
    }

    private double retries() {
        return registry.find("clearpost.consumer.transient.retries").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static long total() {
        return counts().getLong("total");
    }

    private static JsonPath counts() {
        return given().auth().oauth2(ANA).get("/figures/counts").then().statusCode(200).extract().jsonPath();
    }
}
