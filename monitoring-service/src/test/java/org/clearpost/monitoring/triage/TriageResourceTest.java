package org.clearpost.monitoring.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.AuthorListChanged;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.Topics;
import org.clearpost.events.TriageRuleDefined;
import org.clearpost.events.TriageRuleDeleted;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** /triage-rules and /author-lists against the real database, and the snapshot triage reads reloading. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class TriageResourceTest {

    private static final String SOURCE = "/clearpost/monitoring-service";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    RuleTriage triage;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles)).contentType(ContentType.JSON);
    }

    private static String unique() {
        return "zq" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static NormalisedMention mention(String handle, String text) {
        return new NormalisedMention(Network.MASTODON, UUID.randomUUID().toString(), List.of(), null, "1", handle,
                "A Resident", text, null, "en", List.of(), List.of(), Instant.now(), Instant.now());
    }

    /**
     * Every event on the settings topic keyed {@code key}, once one of type {@code last} is there: one key is one
     * partition, in order, so the ones before it are there too.
     */
    private List<ConsumerRecord<String, String>> settingsEvents(String key, EventType last) {
        topic.awaitRecords(Topics.MONITORING_INBOX_SETTINGS, r -> key.equals(r.key())
                && last.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), KAFKA_TIMEOUT);
        return topic.awaitRecords(Topics.MONITORING_INBOX_SETTINGS, r -> key.equals(r.key()), KAFKA_TIMEOUT);
    }

    private List<ResponseReason> reasons(NormalisedMention mention) {
        return triage.assess(mention, null, List.of()).reasons().stream().map(MentionTriaged.Reason::reason).toList();
    }

    @Test
    void theSeededRulesAreListedForMonitors() {
        as("mo", "monitor").get("/triage-rules").then().statusCode(200)
                .body("name", hasItems("question about information rights",
                        "strongly negative about the body or its head", "journalist or critic"));
        assertThat(triage.snapshot().rules()).extracting(TriageRule::name)
                .contains("question about information rights");
    }

    @Test
    void aLeadsRuleIsInForceAsSoonAsItIsStoredAndGoneWhenDeleted() {
        String word = unique();
        Map<String, Object> rule = Map.of("reason", "AWARENESS_OPPORTUNITY", "name", "asks about " + word,
                "terms", "\"cookie banner\" " + word);
        as("mo", "monitor").body(rule).post("/triage-rules").then().statusCode(403);
        String id = as("lee", "lead").body(rule).post("/triage-rules").then().statusCode(201)
                .body("changedBy", equalTo("lee")).body("active", equalTo(true)).extract().path("id");

        NormalisedMention asking = mention("resident", "Is this cookie banner " + word + " lawful?");
        assertThat(reasons(asking)).containsExactly(ResponseReason.AWARENESS_OPPORTUNITY);

        Map<String, Object> inactive = new HashMap<>(rule);
        inactive.put("active", false);
        as("lee", "lead").body(inactive).put("/triage-rules/" + id).then().statusCode(200)
                .body("active", equalTo(false));
        assertThat(reasons(asking)).isEmpty();

        as("lee", "lead").delete("/triage-rules/" + id).then().statusCode(204);
        as("mo", "monitor").get("/triage-rules/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("lee", "lead").delete("/triage-rules/" + id).then().statusCode(404);

        // Each change is an event (the refused ones are not): created, made inactive, deleted.
        List<ConsumerRecord<String, String>> records = settingsEvents(id, EventType.TRIAGE_RULE_DELETED);
        assertThat(records).hasSize(3);
        TriageRuleDefined created = (TriageRuleDefined) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.TRIAGE_RULE_DEFINED, SOURCE);
        assertThat(created.ruleId()).hasToString(id);
        assertThat(created.reason()).isEqualTo(ResponseReason.AWARENESS_OPPORTUNITY);
        assertThat(created.name()).isEqualTo("asks about " + word);
        assertThat(created.terms()).isEqualTo("\"cookie banner\" " + word);
        assertThat(created.active()).isTrue();
        assertThat(created.definedBy()).isEqualTo("lee");
        TriageRuleDefined deactivated = (TriageRuleDefined) CloudEventAssertions.assertCloudEvent(records.get(1),
                EventType.TRIAGE_RULE_DEFINED, SOURCE);
        assertThat(deactivated.active()).isFalse();
        TriageRuleDeleted deleted = (TriageRuleDeleted) CloudEventAssertions.assertCloudEvent(records.get(2),
                EventType.TRIAGE_RULE_DELETED, SOURCE);
        assertThat(deleted.deletedBy()).isEqualTo("lee");
    }

    @Test
    void badRulesAreProblemsNamingTheField() {
        as("lee", "lead").body(Map.of("reason", "REPUTATION_RISK", "name", "broken " + unique(), "terms",
                "(unclosed OR")).post("/triage-rules").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("terms"));
        as("lee", "lead").body(Map.of("reason", "REPUTATION_RISK", "name", "no condition " + unique()))
                .post("/triage-rules").then().statusCode(400).body("violations.field", hasItem("terms"));
        as("lee", "lead").body(Map.of("reason", "REPEATED_THEME", "name", "themes " + unique(), "terms", "x"))
                .post("/triage-rules").then().statusCode(400).body("violations.field", hasItem("reason"));
        as("lee", "lead").body(Map.of("reason", "REPUTATION_RISK", "name", "unknown query " + unique(),
                "queryIds", List.of(UUID.randomUUID().toString()))).post("/triage-rules").then().statusCode(400)
                .body("violations.field", hasItem("queryIds"));
        as("lee", "lead").body(Map.of("reason", "REPUTATION_RISK", "name", "inverted " + unique(),
                "sentimentAtMost", -0.5, "sentimentAtLeast", 0.5)).post("/triage-rules").then().statusCode(400)
                .body("violations.field", hasItem("sentimentAtLeast"));
        as("lee", "lead").body(Map.of("reason", "REPUTATION_RISK", "name", "journalist or critic",
                "authorLists", List.of("critic"))).post("/triage-rules").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void authorListsAreKeptByMonitorsAndReadByTriage() {
        String handle = unique() + "@news.example";
        NormalisedMention byThem = mention(handle, "Writing a piece on the regulator's new strategy");
        assertThat(reasons(byThem)).isEmpty();

        as("mo", "monitor").body(Map.of("network", "MASTODON", "handle", "@" + handle, "list", "journalist"))
                .post("/author-lists").then().statusCode(200).body("handle", equalTo(handle.toLowerCase()))
                .body("addedBy", equalTo("mo"));
        // Adding again changes nothing and is no error
        as("mo2", "monitor").body(Map.of("network", "MASTODON", "handle", handle, "list", "journalist"))
                .post("/author-lists").then().statusCode(200).body("addedBy", equalTo("mo"));
        as("an", "analyst").queryParam("network", "MASTODON").queryParam("list", "journalist").get("/author-lists")
                .then().statusCode(200).body("handle", hasItem(handle.toLowerCase()));

        assertThat(triage.assess(byThem, null, List.of()).authorLists()).containsExactly("journalist");
        assertThat(reasons(byThem)).containsExactly(ResponseReason.REPUTATION_RISK);

        as("an", "analyst").delete("/author-lists/MASTODON/journalist/" + handle).then().statusCode(403);
        as("mo", "monitor").delete("/author-lists/MASTODON/journalist/" + handle).then().statusCode(204);
        assertThat(reasons(byThem)).isEmpty();
        as("mo", "monitor").delete("/author-lists/MASTODON/journalist/" + handle).then().statusCode(404)
                .contentType("application/problem+json");
        as("mo", "monitor").body(Map.of("network", "MASTODON", "handle", handle, "list", "Not A List!"))
                .post("/author-lists").then().statusCode(400).body("violations.field", hasItem("list"));

        // Added once (adding again sent nothing), then removed.
        String key = "MASTODON/journalist/" + handle.toLowerCase();
        topic.awaitRecords(Topics.MONITORING_INBOX_SETTINGS,
                r -> key.equals(r.key()) && r.value().contains("\"REMOVED\""), KAFKA_TIMEOUT);
        List<ConsumerRecord<String, String>> records = settingsEvents(key, EventType.AUTHOR_LIST_CHANGED);
        assertThat(records).hasSize(2);
        AuthorListChanged added = (AuthorListChanged) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.AUTHOR_LIST_CHANGED, SOURCE);
        assertThat(added).extracting(AuthorListChanged::network, AuthorListChanged::handle, AuthorListChanged::list,
                AuthorListChanged::change, AuthorListChanged::changedBy).containsExactly(Network.MASTODON,
                handle.toLowerCase(), "journalist", AuthorListChanged.Change.ADDED, "mo");
        AuthorListChanged removed = (AuthorListChanged) CloudEventAssertions.assertCloudEvent(records.get(1),
                EventType.AUTHOR_LIST_CHANGED, SOURCE);
        assertThat(removed.change()).isEqualTo(AuthorListChanged.Change.REMOVED);
        assertThat(removed.changedBy()).isEqualTo("mo");
    }

    @Test
    void aChangeThroughAnotherReplicaIsPickedUpByThePoll() throws Exception {
        String handle = unique();
        // What another replica's transaction leaves behind: the row and the version it bumped, no event here.
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO author_list_entry "
                        + "(network, handle, list, added_by, added_at) VALUES ('X', ?, 'critic', 'other', now())");
                PreparedStatement bump = c.prepareStatement(
                        "UPDATE triage_version SET version = version + 1")) {
            insert.setString(1, handle);
            insert.executeUpdate();
            bump.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                triage.snapshot().authorLists(Network.X, handle)).containsExactly("critic"));
        as("mo", "monitor").queryParam("list", "critic").get("/author-lists").then().statusCode(200)
                .body("handle", hasItem(handle)).body("handle", not(hasItem("nobody-" + handle)));
    }
}
