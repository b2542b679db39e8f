package org.clearpost.clearance.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
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
 * Clearance stands for every service here: the retry interceptor, the 503 mapper and the datasource defaults are
 * service-support's, and its {@link DraftedPostConsumer} is a plain {@code @Incoming @Transactional} consumer like
 * the others. Its own resource (restricted to this class), since the proxy must sit between the service and its
 * database from the start.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreliableDatabase.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseOutageTest {

    private static final String COLIN = TestTokens.forUser("colin", "clearer");
    private static final String DEAD_LETTER = "clearpost.clearance-service.dead-letter";
    private static final String HANDLER = DraftedPostConsumer.class.getSimpleName() + "#onDraftedPost";

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
    void aPostDraftedReadWhileTheDatabaseIsAwayOpensOneCaseWhenItIsBackAndIsNeverDeadLettered() {
        // The consumer is in its group and the database answers before the cut, so what follows is the outage alone.
        PostDrafted warmUp = DraftedPostMother.byDana();
        kafka.sender().send(warmUp);
        await().atMost(Duration.ofSeconds(60)).until(() -> cases(warmUp.postId()).size() == 1);
        double retriesBefore = retries();

        database.cut();
        PostDrafted drafted = DraftedPostMother.byDana();
        ProducerRecord<String, String> sent = kafka.sender().send(drafted);
        // The consumer has met the outage several times (so the back-off grew past its first steps) ...
        await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 4);
        database.restore();

        // ... and once the database is back the post has exactly one case, and stays so.
        await().atMost(Duration.ofSeconds(30)).until(() -> cases(drafted.postId()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> cases(drafted.postId()).size() == 1);
        Map<String, Object> opened = cases(drafted.postId()).get(0);
        assertThat(opened.get("version")).isEqualTo(drafted.version());
        assertThat(opened.get("status")).isEqualTo("PENDING");
        // Processed once: one ClearanceCaseOpened for the post (a second attempt that had committed would add one).
        assertThat(kafka.reader().readAll(EventType.CLEARANCE_CASE_OPENED.topic(), Duration.ofSeconds(2)))
                .filteredOn(r -> drafted.postId().toString().equals(r.key())
                        && EventType.CLEARANCE_CASE_OPENED.ceType().equals(
                                KafkaTopicReader.header(r, CloudEventHeaders.TYPE)))
                .hasSize(1);

        String eventId = new String(sent.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        assertThat(kafka.reader().readAll(DEAD_LETTER, Duration.ofSeconds(2)))
                .noneMatch(r -> drafted.postId().toString().equals(r.key()))
                .noneMatch(r -> eventId.equals(KafkaTopicReader.header(r, "ce_id")));
    }

    @Test
    void aRequestWhileTheDatabaseIsAwayGets503WithRetryAfterAndProblemJson() {
        UUID postId = UUID.randomUUID();
        cases(postId);
        database.cut();
        long started = System.nanoTime();
        given().auth().oauth2(COLIN).queryParam("postId", postId).get("/clearances").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"));
        // The datasource's acquisition timeout (2 s, service-support's default) bounds the wait; the margin is for
        // a test machine shared by several builds, where the first request after the cut has been seen at 6-8 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            given().auth().oauth2(COLIN).get("/clearances/{id}", UUID.randomUUID()).then().statusCode(503)
                    .header("Retry-After", "5");
            System.out.printf("503 while the database is away, answered in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }

        database.restore();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(COLIN)
                .queryParam("postId", postId).get("/clearances").then().statusCode(200));
    }

    @Test
    void aRecordThatCanNeverBeReadStillGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        kafka.sender().send(new ProducerRecord<>(Topics.DRAFTING_POSTS, key, "{\"no\":\"cloud event headers\"}"));

        var dead = kafka.reader().awaitRecords(DEAD_LETTER, r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ce_id");
    }

    private double retries() {
        return registry.find("clearpost.consumer.transient.retries").tag("handler", HANDLER).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** The post's pending cases (a new post's case opens pending), as Colin's queue lists them. */
    private static List<Map<String, Object>> cases(UUID postId) {
        return given().auth().oauth2(COLIN).queryParam("postId", postId).get("/clearances").then().statusCode(200)
                .extract().path("$");
    }
}
