package org.clearpost.monitoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.monitoring.rest.InboxTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.EventType;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionActioned;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every inbox action through the API, on the real database and broker: state, audit rows and MentionActioned. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class InboxActionsTest {

    private static final String SOURCE = "/clearpost/monitoring-service";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** Monday 2 March 2026, 10:00 GMT: office hours, no bank holiday (the bundled data covers it). */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    DataSource dataSource;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();
    private StoredMentions mentions;

    @BeforeEach
    void setUp() {
        mentions = new StoredMentions(dataSource);
    }

    private UUID mention() {
        return mentions.store(Network.X, "Why was my complaint closed?", MONDAY_MORNING);
    }

    private static RequestSpecification json(String user, String role, String body) {
        return as(user, role).contentType(ContentType.JSON).body(body);
    }

    private static JsonPath detail(UUID id) {
        return as("mo", "monitor").get("/inbox/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void assigningMovesANewMentionToAssignedAndUnassigningBack() {
        UUID id = mention();
        json("mo", "monitor", "{\"assignee\": \"me\"}").post("/inbox/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("mo"));
        json("lee", "lead", "{\"assignee\": \"sam\"}").post("/inbox/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("sam"));
        // The same again changes nothing and records nothing.
        json("lee", "lead", "{\"assignee\": \"sam\"}").post("/inbox/" + id + "/assign").then().statusCode(200);
        as("sam", "monitor").post("/inbox/" + id + "/unassign").then().statusCode(200)
                .body("status", equalTo("NEW")).body("assignee", nullValue());
        as("sam", "monitor").post("/inbox/" + id + "/unassign").then().statusCode(200);

        JsonPath history = detail(id);
        assertThat(history.getList("history.action")).containsExactly("ASSIGNED", "ASSIGNED", "UNASSIGNED");
        assertThat(history.getList("history.actor")).containsExactly("mo", "lee", "sam");
        assertThat(history.getList("history.assignee")).containsExactly("mo", "sam", null);
        assertThat(history.getList("history.state")).containsExactly("ASSIGNED", "ASSIGNED", "NEW");
        assertThat(history.getString("history[2].detail")).isEqualTo("was sam");

        // One key, one partition, in order: once the last is there, so are the others.
        topic.awaitRecords(Topics.MONITORING_MENTIONS,
                r -> id.toString().equals(r.key()) && r.value().contains("\"UNASSIGNED\""), KAFKA_TIMEOUT);
        List<ConsumerRecord<String, String>> records = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                r -> id.toString().equals(r.key()), KAFKA_TIMEOUT);
        assertThat(records).hasSize(3);
        MentionActioned first = (MentionActioned) CloudEventAssertions.assertCloudEvent(records.get(0),
                EventType.MENTION_ACTIONED, SOURCE);
        assertThat(first.mentionId()).isEqualTo(id);
        assertThat(first.action()).isEqualTo(InboxAction.ASSIGNED);
        assertThat(first.actor()).isEqualTo("mo");
        assertThat(first.state()).isEqualTo(MentionState.ASSIGNED);
        assertThat(first.assignee()).isEqualTo("mo");
    }

    @Test
    void assigningAClosedMentionReopensIt() {
        UUID id = mention();
        json("mo", "monitor", "{\"state\": \"CLOSED\"}").post("/inbox/" + id + "/state").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        json("mo", "monitor", "{\"assignee\": \"sam\"}").post("/inbox/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("sam"));
    }

    @Test
    void changesStateWithReasonsAndRefusesWhatOnlyARepliesReach() {
        UUID id = mention();
        json("mo", "monitor", "{\"state\": \"NO_RESPONSE_NEEDED\"}").post("/inbox/" + id + "/state").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("reason"));
        json("mo", "monitor", "{\"state\": \"AWAITING_CLEARANCE\"}").post("/inbox/" + id + "/state").then()
                .statusCode(400).body("violations[0].field", equalTo("state"));
        json("mo", "monitor", "{\"state\": \"ANSWERED\"}").post("/inbox/" + id + "/state").then()
                .statusCode(400).body("violations[0].field", equalTo("state"));
        json("mo", "monitor", "{\"state\": \"LOST\"}").post("/inbox/" + id + "/state").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        json("mo", "monitor", "{}").post("/inbox/" + id + "/state").then().statusCode(400)
                .body("violations[0].field", containsString("state"));

        json("mo", "monitor", "{\"state\": \"NO_RESPONSE_NEEDED\", \"reason\": \"a joke, no question\"}")
                .post("/inbox/" + id + "/state").then().statusCode(200)
                .body("status", equalTo("NO_RESPONSE_NEEDED")).body("stateReason", equalTo("a joke, no question"));
        json("sam", "monitor", "{\"state\": \"ASSIGNED\"}").post("/inbox/" + id + "/state").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("sam"))
                .body("stateReason", nullValue());
        json("sam", "monitor", "{\"state\": \"NEW\"}").post("/inbox/" + id + "/state").then().statusCode(200)
                .body("status", equalTo("NEW")).body("assignee", nullValue());
        json("sam", "monitor", "{\"state\": \"CLOSED\", \"reason\": \"answered by phone\"}")
                .post("/inbox/" + id + "/state").then().statusCode(200).body("status", equalTo("CLOSED"));
        assertThat(detail(id).getList("history.detail")).containsExactly("NO_RESPONSE_NEEDED: a joke, no question",
                "ASSIGNED", "NEW", "CLOSED: answered by phone");

        // An answered mention can only be closed: the state table's 409 names where it stands.
        UUID answered = mention();
        mentions.set(answered, "status = 'ANSWERED'");
        json("mo", "monitor", "{\"state\": \"NEW\"}").post("/inbox/" + answered + "/state").then()
                .statusCode(409).contentType(Problem.MEDIA_TYPE).body("detail", containsString("is ANSWERED"));

        // A mention whose reply is in clearance is moved on by the reply's fate, not by hand.
        UUID inClearance = mention();
        mentions.set(inClearance, "status = 'AWAITING_CLEARANCE'");
        json("mo", "monitor", "{\"state\": \"ASSIGNED\"}").post("/inbox/" + inClearance + "/state").then()
                .statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("is AWAITING_CLEARANCE"));
    }

    @Test
    void labelsAreAddedAndRemovedWithoutCase() {
        UUID id = mention();
        json("mo", "monitor", "{\"add\": [\"Press\", \"FOI \", \"press\"]}").post("/inbox/" + id + "/labels")
                .then().statusCode(200).body("labels", contains("press", "foi"));
        json("mo", "monitor", "{\"remove\": [\"PRESS\", \"never-there\"]}").post("/inbox/" + id + "/labels")
                .then().statusCode(200).body("labels", contains("foi"));
        json("mo", "monitor", "{}").post("/inbox/" + id + "/labels").then().statusCode(400)
                .body("violations[0].field", equalTo("add"));
        json("mo", "monitor", "{\"add\": [\"" + "x".repeat(51) + "\"]}").post("/inbox/" + id + "/labels")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        JsonPath history = detail(id);
        assertThat(history.getList("history.action")).containsExactly("LABEL_ADDED", "LABEL_ADDED",
                "LABEL_REMOVED");
        assertThat(history.getList("history.detail")).containsExactly("press", "foi", "press");
    }

    @Test
    void notesAreKeptInOrderAndAudited() {
        UUID id = mention();
        json("mo", "monitor", "{\"text\": \"First contact.\"}").post("/inbox/" + id + "/notes").then()
                .statusCode(201).body("author", equalTo("mo")).body("mentionId", equalTo(id.toString()));
        json("sam", "monitor", "{\"text\": \"Press office knows.\"}").post("/inbox/" + id + "/notes").then()
                .statusCode(201);
        json("sam", "monitor", "{\"text\": \"  \"}").post("/inbox/" + id + "/notes").then().statusCode(400)
                .body("violations[0].field", containsString("text"));
        json("sam", "monitor", "{\"text\": \"x\"}").post("/inbox/" + UUID.randomUUID() + "/notes").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE);
        JsonPath detail = detail(id);
        assertThat(detail.getList("notes.text")).containsExactly("First contact.", "Press office knows.");
        assertThat(detail.getList("history.action")).containsExactly("NOTE_ADDED", "NOTE_ADDED");
    }

    @Test
    void aClaimIsExclusiveRenewableAndReleasable() {
        UUID id = mention();
        Instant before = Instant.now();
        String until = as("mo", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("mo")).extract().path("claim.expiresAt");
        assertThat(Instant.parse(until)).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));

        as("sam", "monitor").post("/inbox/" + id + "/claim").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE).body("title", equalTo("Mention is claimed"))
                .body("detail", containsString("claimed by mo until"));
        // Someone else may not close it under the holder's feet, nor release the claim.
        json("sam", "monitor", "{\"state\": \"CLOSED\"}").post("/inbox/" + id + "/state").then().statusCode(409)
                .body("detail", containsString("claimed by mo"));
        as("sam", "monitor").delete("/inbox/" + id + "/claim").then().statusCode(409)
                .body("detail", containsString("claimed by mo"));

        as("mo", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("mo"));
        as("mo", "monitor").delete("/inbox/" + id + "/claim").then().statusCode(200).body("claim", nullValue());
        as("sam", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("sam"));
        // A lead frees a mention someone else holds.
        as("lee", "lead").delete("/inbox/" + id + "/claim").then().statusCode(200).body("claim", nullValue());

        JsonPath history = detail(id);
        assertThat(history.getList("history.action")).containsExactly("CLAIMED", "CLAIMED", "CLAIM_RELEASED",
                "CLAIMED", "CLAIM_RELEASED");
        assertThat(history.getString("history[1].detail")).startsWith("renewed until ");
        assertThat(history.getString("history[4].detail")).isEqualTo("released sam's claim");
        assertThat(history.getString("history[4].actor")).isEqualTo("lee");
    }

    @Test
    void closingEndsTheClosersClaimAndNothingClosedIsClaimed() {
        UUID id = mention();
        as("mo", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200);
        json("mo", "monitor", "{\"state\": \"CLOSED\"}").post("/inbox/" + id + "/state").then().statusCode(200)
                .body("claim", nullValue());
        as("sam", "monitor").post("/inbox/" + id + "/claim").then().statusCode(409)
                .body("detail", containsString("is CLOSED"));
        assertThat(detail(id).getList("history.action")).containsExactly("CLAIMED", "STATE_CHANGED",
                "CLAIM_RELEASED");
    }

    @Test
    void anExpiredClaimIsFreeToTakeAndTheReleaseIsRecordedAsSystem() {
        UUID id = mention();
        as("mo", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200);
        expire(id);

        as("mo", "monitor").get("/inbox/" + id).then().body("claim", nullValue());
        as("sam", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200)
                .body("claim.holder", equalTo("sam"));
        JsonPath history = detail(id);
        assertThat(history.getList("history.action")).containsExactly("CLAIMED", "CLAIM_RELEASED", "CLAIMED");
        assertThat(history.getList("history.actor")).containsExactly("mo", "system", "sam");
        assertThat(history.getString("history[1].detail")).startsWith("mo's claim expired at ");
    }

    @Test
    void theSweepReleasesExpiredClaimsAsSystem() {
        UUID id = mention();
        as("mo", "monitor").post("/inbox/" + id + "/claim").then().statusCode(200);
        expire(id);

        // %test sweep-interval is 1s.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(claimHolder(id)).isNull());
        JsonPath history = detail(id);
        assertThat(history.getList("history.action")).containsExactly("CLAIMED", "CLAIM_RELEASED");
        assertThat(history.getString("history[1].actor")).isEqualTo("system");
        List<ConsumerRecord<String, String>> released = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                r -> id.toString().equals(r.key()) && r.value().contains("CLAIM_RELEASED"), KAFKA_TIMEOUT);
        assertThat(((MentionActioned) CloudEventAssertions.assertCloudEvent(released.get(0),
                EventType.MENTION_ACTIONED, SOURCE)).actor()).isEqualTo("system");
    }

    @Test
    void twoMonitorsRacingForOneClaimOneWinsTheOtherIsToldWho() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                UUID id = mention();
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                for (String monitor : List.of("mo", "sam")) {
                    RequestSpecification request = as(monitor, "monitor");
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return request.post("/inbox/" + id + "/claim");
                    }, pool));
                }
                Response mo = answers.get(0).get();
                Response sam = answers.get(1).get();
                assertThat(List.of(mo.statusCode(), sam.statusCode())).containsExactlyInAnyOrder(200, 409);
                Response winner = mo.statusCode() == 200 ? mo : sam;
                Response loser = winner == mo ? sam : mo;
                String holder = winner.jsonPath().getString("claim.holder");
                assertThat(loser.jsonPath().getString("detail")).contains("claimed by " + holder);
                assertThat(claimHolder(id)).isEqualTo(holder);
                assertThat(detail(id).getList("history.action")).containsExactly("CLAIMED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoBulkClaimsOverOverlappingMentionsNeitherDeadlockNorShare() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<UUID> ids = List.of(mention(), mention(), mention(), mention());
                // Overlapping, listed in opposite orders: the rows are locked in id order whatever the request says.
                String first = "{\"ids\": [\"" + ids.get(0) + "\", \"" + ids.get(1) + "\", \"" + ids.get(2)
                        + "\"], \"action\": \"CLAIM\"}";
                String second = "{\"ids\": [\"" + ids.get(3) + "\", \"" + ids.get(2) + "\", \"" + ids.get(1)
                        + "\"], \"action\": \"CLAIM\"}";
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                for (String[] call : List.of(new String[] { "mo", first }, new String[] { "sam", second })) {
                    RequestSpecification request = json(call[0], "monitor", call[1]);
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return request.post("/inbox/bulk");
                    }, pool));
                }
                Response mo = answers.get(0).get();
                Response sam = answers.get(1).get();
                assertThat(List.of(mo.statusCode(), sam.statusCode())).containsExactlyInAnyOrder(200, 409);
                String winner = mo.statusCode() == 200 ? "mo" : "sam";
                List<UUID> won = winner.equals("mo") ? ids.subList(0, 3) : ids.subList(1, 4);
                for (UUID id : ids) {
                    assertThat(claimHolder(id)).as("holder of " + id).isEqualTo(won.contains(id) ? winner : null);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewPriorityGivesANewDueTimeWhileTheMentionIsOpen() {
        UUID id = mention();
        mentions.set(id, "priority = 'LOW', due_at = ?", Instant.parse("2026-03-06T18:00:00Z"));
        json("mo", "monitor", "{\"priority\": \"HIGH\", \"reason\": \"a journalist\"}")
                .post("/inbox/" + id + "/priority").then().statusCode(200)
                .body("priority", equalTo("HIGH")).body("dueAt", equalTo("2026-03-02T14:00:00Z"));
        json("mo", "monitor", "{\"priority\": \"CRITICAL\"}").post("/inbox/" + id + "/priority").then()
                .statusCode(200).body("dueAt", equalTo("2026-03-02T11:00:00Z"));
        json("mo", "monitor", "{\"priority\": \"SOON\"}").post("/inbox/" + id + "/priority").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertThat(detail(id).getList("history.detail")).containsExactly("LOW → HIGH: a journalist",
                "HIGH → CRITICAL");

        UUID closed = mention();
        mentions.set(closed, "status = 'CLOSED', due_at = ?", Instant.parse("2026-03-06T18:00:00Z"));
        json("mo", "monitor", "{\"priority\": \"CRITICAL\"}").post("/inbox/" + closed + "/priority").then()
                .statusCode(200).body("priority", equalTo("CRITICAL"))
                .body("dueAt", equalTo("2026-03-06T18:00:00Z"));
    }

    @Test
    void hiddenMentionsLeaveTheDefaultViewAndComeBack() {
        UUID theme = UUID.randomUUID();
        UUID id = mention();
        mentions.set(id, "theme_id = ?", theme);
        json("mo", "monitor", "{\"reason\": \"abuse\"}").post("/inbox/" + id + "/hide").then().statusCode(200)
                .body("hidden", equalTo(true)).body("hiddenReasons", contains("hidden by mo: abuse"));
        as("mo", "monitor").queryParam("theme", theme.toString()).get("/inbox").then()
                .body("id", not(hasItem(id.toString())));
        as("mo", "monitor").post("/inbox/" + id + "/show").then().statusCode(200).body("hidden", equalTo(false));
        as("mo", "monitor").queryParam("theme", theme.toString()).get("/inbox").then()
                .body("id", hasItem(id.toString()));
        assertThat(detail(id).getList("history.action")).containsExactly("HIDDEN", "SHOWN");
    }

    @Test
    void bulkActionsTakeAThemesMentionsAllOrNone() {
        UUID theme = UUID.randomUUID();
        List<UUID> ids = List.of(mention(), mention(), mention());
        ids.forEach(id -> mentions.set(id, "theme_id = ?", theme));

        json("mo", "monitor", "{\"themeId\": \"" + theme + "\", \"action\": \"ASSIGN\", \"assignee\": \"me\"}")
                .post("/inbox/bulk").then().statusCode(200).body("count", equalTo(3))
                .body("mentions.status", everyItem(equalTo("ASSIGNED")))
                .body("mentions.assignee", everyItem(equalTo("mo")));
        json("mo", "monitor", "{\"themeId\": \"" + theme + "\", \"action\": \"LABELS\", \"add\": [\"wave\"]}")
                .post("/inbox/bulk").then().statusCode(200).body("mentions.labels", everyItem(contains("wave")));

        // One of them answered: closing is fine for all, re-queueing is refused for all.
        mentions.set(ids.get(1), "status = 'ANSWERED'");
        String idList = "[\"" + ids.get(0) + "\", \"" + ids.get(1) + "\", \"" + ids.get(2) + "\"]";
        json("mo", "monitor", "{\"ids\": " + idList + ", \"action\": \"STATE\", \"state\": \"NEW\"}")
                .post("/inbox/bulk").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(ids.get(1).toString()));
        as("mo", "monitor").get("/inbox/" + ids.get(0)).then().body("status", equalTo("ASSIGNED"));
        json("mo", "monitor", "{\"ids\": " + idList + ", \"action\": \"STATE\", \"state\": \"CLOSED\"}")
                .post("/inbox/bulk").then().statusCode(200).body("mentions.status", everyItem(equalTo("CLOSED")));

        json("mo", "monitor", "{\"ids\": [\"" + ids.get(0) + "\", \"" + UUID.randomUUID()
                + "\"], \"action\": \"HIDE\"}").post("/inbox/bulk").then().statusCode(404);
        as("mo", "monitor").get("/inbox/" + ids.get(0)).then().body("hidden", equalTo(false));

        json("mo", "monitor", "{\"action\": \"SHOW\"}").post("/inbox/bulk").then().statusCode(400)
                .body("violations[0].field", equalTo("ids"));
        json("mo", "monitor", "{\"ids\": " + idList + ", \"themeId\": \"" + theme + "\", \"action\": \"SHOW\"}")
                .post("/inbox/bulk").then().statusCode(400).body("violations[0].field", equalTo("ids"));
        json("mo", "monitor", "{\"ids\": " + idList + ", \"action\": \"ASSIGN\"}").post("/inbox/bulk").then()
                .statusCode(400).body("violations[0].field", equalTo("assignee"));
        json("mo", "monitor", "{\"ids\": [], \"action\": \"SHOW\"}").post("/inbox/bulk").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        json("mo", "monitor", "{\"themeId\": \"" + UUID.randomUUID() + "\", \"action\": \"SHOW\"}")
                .post("/inbox/bulk").then().statusCode(404);
    }

    private void expire(UUID id) {
        mentions.set(id, "claim_expires_at = ?", Instant.now().minusSeconds(60));
    }

    private String claimHolder(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT claim_holder FROM mention WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
