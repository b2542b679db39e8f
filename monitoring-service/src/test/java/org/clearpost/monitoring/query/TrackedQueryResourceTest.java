package org.clearpost.monitoring.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.events.TrackedQueryDefined;
import org.clearpost.events.TrackedQueryRetired;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class TrackedQueryResourceTest {

    private static final String SOURCE = "/clearpost/monitoring-service";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    QueryMatcher matcher;

    @Inject
    TrackedQueries queries;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles)).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String name, String purpose, String query) {
        return Map.of("name", name, "purpose", purpose, "query", query);
    }

    private static String create(String name, String purpose, String query) {
        return as("mo", "monitor").body(body(name, purpose, query)).post("/queries")
                .then().statusCode(201).extract().path("id");
    }

    private static NormalisedMention mention(String text) {
        return new NormalisedMention(Network.X, UUID.randomUUID().toString(), List.of(), null, "1", "resident",
                "A Resident", text, null, "en", List.of(), List.of(), Instant.now(), Instant.now());
    }

    @Test
    void aCreatedQueryIsParsedTranslatedAnnouncedAndMatchedAtOnce() {
        String unique = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("mo", "monitor").body(body("The Commissioner " + unique, "HEAD",
                        "(\"information commissioner\" OR " + unique + ") -spam NOT network:linkedin"))
                .post("/queries")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString("/queries/"))
                .body("purpose", equalTo("HEAD"))
                .body("active", equalTo(true))
                .body("parsed", equalTo("(\"information commissioner\" OR " + unique
                        + ") AND NOT spam AND NOT network:linkedin"))
                .body("xRule.status", equalTo("TRANSLATED"))
                .body("xRule.value", equalTo("(\"information commissioner\" OR " + unique + ") -spam"))
                .body("blueskySearch.value", equalTo("(\"information commissioner\" | " + unique + ") -spam"))
                .body("createdBy", equalTo("mo"))
                .extract().path("id");

        assertThat(matcher.matching(mention("Spoke to the " + unique + " team today"))).contains(UUID.fromString(id));
        assertThat(matcher.matching(mention(unique + " spam"))).doesNotContain(UUID.fromString(id));

        ConsumerRecord<String, String> record = topic.awaitRecords(Topics.MONITORING_TRACKED_QUERIES,
                r -> id.equals(r.key()), KAFKA_TIMEOUT).get(0);
        TrackedQueryDefined event = (TrackedQueryDefined) CloudEventAssertions.assertCloudEvent(record,
                EventType.TRACKED_QUERY_DEFINED, SOURCE);
        assertThat(event.queryId()).isEqualTo(UUID.fromString(id));
        assertThat(event.purpose()).isEqualTo(TrackedQueryDefined.Purpose.HEAD);
        assertThat(event.definedBy()).isEqualTo("mo");

        as("ana", "analyst").get("/queries/" + id).then().statusCode(200).body("name",
                equalTo("The Commissioner " + unique));
        as("ana", "analyst").get("/queries").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void anUpdateIsParsedAgainAndTakesEffect() {
        String before = "zb" + UUID.randomUUID().toString().substring(0, 8);
        String after = "za" + UUID.randomUUID().toString().substring(0, 8);
        String id = create("Clean air", "INITIATIVE", before);

        as("lee", "lead").body(body("Clean air", "INITIATIVE", "(" + after)).put("/queries/" + id)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("query"))
                .body("violations[0].message", equalTo("position 12: expected ')' but found end of query "
                        + "(the '(' at position 1 is not closed)"));
        as("lee", "lead").body(body("Clean air 2027", "INITIATIVE", after + " OR #cleanair")).put("/queries/" + id)
                .then().statusCode(200).body("query", equalTo(after + " OR #cleanair"))
                .body("changedBy", equalTo("lee")).body("createdBy", equalTo("mo"));

        assertThat(matcher.matching(mention("about " + after))).contains(UUID.fromString(id));
        assertThat(matcher.matching(mention("about " + before))).doesNotContain(UUID.fromString(id));
        topic.awaitRecords(Topics.MONITORING_TRACKED_QUERIES, r -> id.equals(r.key()) && r.value().contains(after),
                KAFKA_TIMEOUT);
    }

    @Test
    void aRetiredQueryMatchesNothingAndCannotChange() {
        String word = "zr" + UUID.randomUUID().toString().substring(0, 8);
        String id = create("Retiring", "OTHER", word);
        assertThat(matcher.matching(mention(word))).contains(UUID.fromString(id));

        as("mo", "monitor").post("/queries/" + id + "/retire").then().statusCode(200).body("active", equalTo(false));

        assertThat(matcher.matching(mention(word))).doesNotContain(UUID.fromString(id));
        as("mo", "monitor").post("/queries/" + id + "/retire").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
        as("mo", "monitor").body(body("Again", "OTHER", word)).put("/queries/" + id).then().statusCode(409);
        as("mo", "monitor").get("/queries").then().body("id", not(hasItem(id)));
        as("mo", "monitor").queryParam("includeRetired", true).get("/queries").then().body("id", hasItem(id));
        ConsumerRecord<String, String> record = topic.awaitRecords(Topics.MONITORING_TRACKED_QUERIES,
                r -> id.equals(r.key()) && "clearpost.tracked-query.retired.v1".equals(
                        KafkaTopicReader.header(r, "ce_type")), KAFKA_TIMEOUT).get(0);
        TrackedQueryRetired retired = (TrackedQueryRetired) CloudEventAssertions.assertCloudEvent(record,
                EventType.TRACKED_QUERY_RETIRED, SOURCE);
        assertThat(retired.retiredBy()).isEqualTo("mo");
    }

    @Test
    void aChangeMadeThroughAnotherReplicaIsPickedUpByThePoll() {
        // Another replica writes the table directly; this one only sees the fingerprint move.
        String word = "zp" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> TrackedQuery.getEntityManager()
                .createNativeQuery("INSERT INTO tracked_query (id, name, purpose, query, active, created_by, "
                        + "created_at, changed_by, changed_at) VALUES (?1, 'elsewhere', 'OTHER', ?2, true, 'x', "
                        + "now(), 'x', now())").setParameter(1, id).setParameter(2, word).executeUpdate());

        await().atMost(Duration.ofSeconds(15)).until(() -> matcher.matching(mention(word)).contains(id));
    }

    @Test
    void badInputNamesTheField() {
        as("mo", "monitor").body(Map.of("name", "x", "purpose", "SOMETHING", "query", "ico")).post("/queries")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("purpose"));
        as("mo", "monitor").body(Map.of("purpose", "BODY", "query", "ico")).post("/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
        as("mo", "monitor").body(body("x", "BODY", "ico AND")).post("/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("query"))
                .body("detail", equalTo("query: position 8: expected a word, \"phrase\", #hashtag, @handle, "
                        + "author:, network:, lang: or '(' but found end of query"));
        as("mo", "monitor").body(body("x", "BODY", "a".repeat(4001))).post("/queries")
                .then().statusCode(400).body("violations[0].field", equalTo("query"));
        as("mo", "monitor").get("/queries/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void onlyMonitorsAndLeadsWriteAndAnalystsMayRead() {
        as("ana", "analyst").body(body("x", "BODY", "ico")).post("/queries").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        as("dana", "drafter").get("/queries").then().statusCode(403);
        given().get("/queries").then().statusCode(401);
        String id = create("Readable", "BODY", "ico");
        as("ana", "analyst").post("/queries/" + id + "/retire").then().statusCode(403);
        as("cleo", "clearer").get("/queries/" + id).then().statusCode(403);
    }
}
