package org.clearpost.monitoring.reply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.EventType;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.MentionReplyRequested;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.Channels;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply from the inbox to the network: a monitor asks for it here, and drafting, clearance and the publisher answer
 * with the events they send (sent to the real broker as those services would), which move the reply and its
 * mentions along.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class ReplyJourneyTest {

    private static final String MONITOR = "mo";
    private static final String HASH = "sha256:" + "0".repeat(64);
    /** A Friday in November (GMT): one office hour left that day. */
    private static final Instant FRIDAY_4PM = Instant.parse("2026-11-27T16:00:00Z");
    private static final Instant MONDAY_10AM = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void consumersListen() {
        // The consumers join their group in the background after start: wait for all three before timing anything.
        UUID nobody = UUID.randomUUID();
        List<ProducerRecord<String, String>> probes = List.of(
                kafka.sender().send(new PostRejected(nobody, 1, HASH, "colin", "readiness probe", Instant.now())),
                kafka.sender().send(new PublicationFailed(nobody, 1, UUID.randomUUID(), Network.X, "nobody",
                        "readiness probe", Instant.now())),
                kafka.sender().send(drafted(nobody, 1, new ExternalPost(Network.X, "1", "someone", null,
                        UUID.randomUUID()), "readiness probe")));
        for (ProducerRecord<String, String> probe : probes) {
            await().atMost(Duration.ofSeconds(90)).until(() -> processedStatic(probe));
        }
    }

    @Test
    void aReplyGoesThroughDraftingClearanceAndPublishingAndAnswersTheMention() {
        UUID mention = mention(Network.BLUESKY, "clearpost.bsky.social", null, FRIDAY_4PM, MONDAY_NOON);

        JsonPath requested = as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("mentionId", mention, "text", "Thanks Sam: the guidance is at https://ico.org.uk/sar"))
                .post("/replies").then().statusCode(201).extract().jsonPath();
        UUID reply = UUID.fromString(requested.getString("id"));
        assertThat(requested.getString("state")).isEqualTo("REQUESTED");
        assertThat(requested.getString("account")).isEqualTo("clearpost.bsky.social");
        assertThat(requested.getString("requestedBy")).isEqualTo(MONITOR);
        assertThat(requested.getList("mentionIds")).containsExactly(mention.toString());
        assertThat(status(mention)).isEqualTo("AWAITING_CLEARANCE");
        assertThat(column(mention, "reply_id")).isEqualTo(reply.toString());
        assertThat(actions(mention)).containsExactly("REPLY_REQUESTED " + MONITOR + " AWAITING_CLEARANCE");

        // Drafting hears of it (MentionReplyRequested) and submits post `reply`.
        MentionReplyRequested request = (MentionReplyRequested) CloudEventAssertions.assertCloudEvent(
                kafka.reader().awaitRecords(Topics.MONITORING_MENTIONS, r -> mention.toString().equals(r.key())
                        && "clearpost.mention.reply-requested.v1".equals(header(r, "ce_type")),
                        Duration.ofSeconds(20)).get(0),
                EventType.MENTION_REPLY_REQUESTED, "/clearpost/monitoring-service");
        assertThat(request.replyId()).isEqualTo(reply);
        assertThat(request.mention()).isEqualTo(new ExternalPost(Network.BLUESKY, externalId(mention), "did:plc:sam",
                "https://bsky.app/post/" + mention, mention));
        assertThat(request.account()).isEqualTo("clearpost.bsky.social");
        assertThat(request.requestedBy()).isEqualTo(MONITOR);
        assertThat(request.text()).isEqualTo("Thanks Sam: the guidance is at https://ico.org.uk/sar");

        kafka.sender().send(drafted(reply, 1, request.mention(), request.text()));
        awaitReply(reply, "DRAFTED");

        // The clearer sends it back: the monitor has the mention again, with the clearer's words.
        kafka.sender().send(new ChangesRequested(reply, 1, HASH, "colin", "Link the SAR page, not the home page",
                Instant.now()));
        awaitReply(reply, "CHANGES_REQUESTED");
        assertThat(status(mention)).isEqualTo("ASSIGNED");
        assertThat(lastActionDetail(mention)).contains("colin").contains("Link the SAR page, not the home page");
        reply(reply).then().body("decidedBy", equalTo("colin"))
                .body("detail", equalTo("Link the SAR page, not the home page"));

        // Version 2, cleared and published on Monday morning.
        kafka.sender().send(drafted(reply, 2, request.mention(), "Thanks Sam: https://ico.org.uk/sar-guidance"));
        awaitReply(reply, "DRAFTED");
        assertThat(status(mention)).isEqualTo("AWAITING_CLEARANCE");
        kafka.sender().send(new PostCleared(reply, 2, HASH, MONITOR, "normal", "colin", null,
                "Thanks Sam: https://ico.org.uk/sar-guidance", targets(), null, null, null, request.mention(), null,
                Instant.now()));
        awaitReply(reply, "CLEARED");
        kafka.sender().send(new PostPublished(reply, 2, UUID.randomUUID(), Network.BLUESKY, "clearpost.bsky.social",
                "at://did:plc:body/post/9", "https://bsky.app/profile/clearpost/post/9", false, MONDAY_10AM));
        awaitReply(reply, "PUBLISHED");

        assertThat(status(mention)).isEqualTo("ANSWERED");
        assertThat(column(mention, "answered_at")).isNotNull();
        reply(reply).then().body("version", equalTo(2))
                .body("externalId", equalTo("at://did:plc:body/post/9"))
                .body("url", equalTo("https://bsky.app/profile/clearpost/post/9"));
        MentionAnswered answered = answered(mention);
        assertThat(answered.replyPostId()).isEqualTo(reply);
        assertThat(answered.network()).isEqualTo(Network.BLUESKY);
        assertThat(answered.replyUrl()).isEqualTo("https://bsky.app/profile/clearpost/post/9");
        assertThat(answered.receivedAt()).isEqualTo(FRIDAY_4PM);
        assertThat(answered.answeredAt()).isEqualTo(MONDAY_10AM);
        assertThat(answered.dueAt()).isEqualTo(MONDAY_NOON);
        // Friday 16:00-17:00 and Monday 09:00-10:00: two office hours, over a weekend of 66 hours.
        assertThat(answered.firstResponseBusinessSeconds()).isEqualTo(7200);
        assertThat(answered.firstResponseSeconds()).isEqualTo(66 * 3600);
        assertThat(answered.withinSla()).isTrue();

        // A stale decision read late (version 1 rejected) changes nothing.
        ProducerRecord<String, String> stale = kafka.sender().send(new PostRejected(reply, 1, HASH, "lee",
                "too late", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(stale));
        reply(reply).then().body("state", equalTo("PUBLISHED"));
        assertThat(status(mention)).isEqualTo("ANSWERED");

        as("ann", "analyst").queryParam("mentionId", mention).get("/replies").then().statusCode(200)
                .body("id", contains(reply.toString()));
    }

    @Test
    void aThemesOpenMentionsAreAnsweredTogetherAndComeBackWhenPublishingFails() {
        UUID theme = UUID.randomUUID();
        UUID first = mention(Network.X, "clearpost_demo", theme, Instant.parse("2026-12-01T10:00:00Z"), null);
        UUID second = mention(Network.X, "clearpost_demo", theme, Instant.parse("2026-12-01T10:05:00Z"), null);
        UUID hidden = mention(Network.X, "clearpost_demo", theme, Instant.parse("2026-12-01T10:06:00Z"), null);
        UUID closed = mention(Network.X, "clearpost_demo", theme, Instant.parse("2026-12-01T10:07:00Z"), null);
        UUID elsewhere = mention(Network.MASTODON, "clearpost@mastodon.example", theme,
                Instant.parse("2026-12-01T10:08:00Z"), null);
        sql("UPDATE mention SET hidden = TRUE WHERE id = ?", hidden);
        sql("UPDATE mention SET status = 'CLOSED' WHERE id = ?", closed);
        sql("UPDATE mention SET status = 'ASSIGNED', assignee = 'mo' WHERE id = ?", second);

        JsonPath requested = as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("themeId", theme, "text", "We know about the outage and are on it")).post("/replies")
                .then().statusCode(201).extract().jsonPath();
        UUID reply = UUID.fromString(requested.getString("id"));
        assertThat(requested.getString("mentionId")).isEqualTo(first.toString());
        assertThat(requested.getList("mentionIds")).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(requested.getString("themeId")).isEqualTo(theme.toString());
        assertThat(List.of(status(first), status(second), status(hidden), status(closed), status(elsewhere)))
                .containsExactly("AWAITING_CLEARANCE", "AWAITING_CLEARANCE", "NEW", "CLOSED", "NEW");

        ExternalPost answered = new ExternalPost(Network.X, externalId(first), "did:plc:sam", null, first);
        kafka.sender().send(drafted(reply, 1, answered, "We know about the outage and are on it"));
        awaitReply(reply, "DRAFTED");
        kafka.sender().send(new PublicationFailed(reply, 1, UUID.randomUUID(), Network.X, "clearpost_demo",
                "X answered 403: duplicate content", Instant.now()));
        awaitReply(reply, "FAILED");

        assertThat(List.of(status(first), status(second))).containsOnly("ASSIGNED");
        assertThat(lastActionDetail(second)).contains("X answered 403: duplicate content");
        reply(reply).then().body("detail", equalTo("X answered 403: duplicate content"));

        // Nothing open is left but the mention on Mastodon, which a second reply answers there.
        sql("UPDATE mention SET status = 'CLOSED' WHERE id = ANY(?)", first, second);
        as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("themeId", theme, "text", "We are on it")).post("/replies").then().statusCode(201)
                .body("mentionIds", contains(elsewhere.toString()))
                .body("network", equalTo("MASTODON"));
        as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("themeId", theme, "text", "Again")).post("/replies").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRejectedReplyGivesTheMentionBackAndANewReplyCanBeAskedFor() {
        UUID mention = mention(Network.X, "clearpost_demo", null, Instant.parse("2026-12-01T11:00:00Z"), null);
        UUID reply = requestReply(mention, "First go");
        kafka.sender().send(new PostRejected(reply, 1, HASH, "colin", "Not our place to comment", Instant.now()));
        awaitReply(reply, "REJECTED");
        assertThat(status(mention)).isEqualTo("ASSIGNED");

        UUID second = requestReply(mention, "Second go");
        assertThat(column(mention, "reply_id")).isEqualTo(second.toString());
        // The first reply's late events no longer move a mention that a later reply answers.
        ProducerRecord<String, String> late = kafka.sender().send(new PublicationFailed(reply, 2, UUID.randomUUID(),
                Network.X, "clearpost_demo", "late", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(late));
        assertThat(status(mention)).isEqualTo("AWAITING_CLEARANCE");
        as("ann", "analyst").queryParam("mentionId", mention).get("/replies").then().statusCode(200)
                .body("id", contains(second.toString(), reply.toString()));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        UUID mention = mention(Network.X, "clearpost_demo", null, Instant.parse("2026-12-01T12:00:00Z"), null);
        UUID unnamed = mention(Network.MASTODON, null, null, Instant.parse("2026-12-01T12:00:00Z"), null);

        problem(Map.of("text", "Hello"), 400).body("violations[0].field", equalTo("mentionId"));
        problem(Map.of("mentionId", mention, "themeId", UUID.randomUUID(), "text", "Hello"), 400)
                .body("violations[0].field", equalTo("themeId"));
        problem(Map.of("mentionId", mention, "text", " "), 400).body("violations[0].field", equalTo("text"));
        problem(Map.of("mentionId", UUID.randomUUID(), "text", "Hello"), 404);
        problem(Map.of("themeId", UUID.randomUUID(), "text", "Hello"), 404);
        problem(Map.of("mentionId", unnamed, "text", "Hello"), 400).body("violations[0].field", equalTo("account"));
        assertThat(status(unnamed)).isEqualTo("NEW");

        sql("UPDATE mention SET claim_holder = 'kim', claim_expires_at = now() + interval '10 minutes' WHERE id = ?",
                mention);
        problem(Map.of("mentionId", mention, "text", "Hello"), 409).body("detail", org.hamcrest.Matchers.containsString(
                "kim"));
        sql("UPDATE mention SET claim_holder = 'mo' WHERE id = ?", mention);
        requestReply(mention, "Hello");
        problem(Map.of("mentionId", mention, "text", "Hello again"), 409);

        as("ann", "analyst").contentType(ContentType.JSON).body(Map.of("mentionId", mention, "text", "Hi"))
                .post("/replies").then().statusCode(403);
        as(MONITOR, "monitor").get("/replies").then().statusCode(400).contentType("application/problem+json");
        as(MONITOR, "monitor").get("/replies/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSavedReplyStartsTheReplyFilledInForTheMentionsAuthor() {
        UUID mention = mention(Network.X, "clearpost_demo", null, Instant.parse("2026-12-01T12:00:00Z"), null);
        String saved = as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("name", "Guidance " + UUID.randomUUID(), "text", "Thank you {author}, the guidance is here."))
                .post("/saved-replies").then().statusCode(201).extract().path("id");

        problem(Map.of("mentionId", mention, "text", "Hello", "savedReplyId", saved), 400)
                .body("violations[0].field", equalTo("savedReplyId"));
        problem(Map.of("mentionId", mention, "savedReplyId", UUID.randomUUID()), 404);
        UUID reply = UUID.fromString(as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("mentionId", mention, "savedReplyId", saved)).post("/replies").then().statusCode(201)
                .extract().path("id"));

        reply(reply).then().statusCode(200).body("text", equalTo("Thank you Sam, the guidance is here."));
    }

    private UUID requestReply(UUID mention, String text) {
        return UUID.fromString(as(MONITOR, "monitor").contentType(ContentType.JSON)
                .body(Map.of("mentionId", mention, "text", text)).post("/replies").then().statusCode(201)
                .extract().path("id"));
    }

    private static io.restassured.response.ValidatableResponse problem(Map<String, Object> body, int status) {
        return as(MONITOR, "monitor").contentType(ContentType.JSON).body(body).post("/replies").then()
                .statusCode(status).contentType("application/problem+json");
    }

    private static PostDrafted drafted(UUID postId, int version, ExternalPost replyTo, String text) {
        return new PostDrafted(postId, version, HASH, MONITOR, text, targets(), null, null, null, null, replyTo, null,
                List.of(), Instant.now());
    }

    private static List<Target> targets() {
        return List.of(new Target(UUID.randomUUID(), Network.BLUESKY, "clearpost.bsky.social"));
    }

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles));
    }

    private static io.restassured.response.Response reply(UUID id) {
        return as(MONITOR, "monitor").get("/replies/{id}", id);
    }

    private static void awaitReply(UUID id, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.equals(reply(id).then().statusCode(200)
                .extract().path("state")));
    }

    private MentionAnswered answered(UUID mention) {
        return (MentionAnswered) CloudEventAssertions.assertCloudEvent(kafka.reader().awaitRecords(
                Topics.MONITORING_MENTIONS, r -> mention.toString().equals(r.key())
                        && "clearpost.mention.answered.v1".equals(header(r, "ce_type")), Duration.ofSeconds(20))
                .get(0), EventType.MENTION_ANSWERED, "/clearpost/monitoring-service");
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
            String name) {
        return org.clearpost.testing.KafkaTopicReader.header(record, name);
    }

    /** A mention as the pipeline would have stored and triaged it. */
    private UUID mention(Network network, String account, UUID theme, Instant receivedAt, Instant dueAt) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO mention (id, network, external_id, account, author_id, author_name, text, url,
                                     mentioned_at, received_at, status, theme_id, due_at)
                VALUES (?, ?, ?, ?, 'did:plc:sam', 'Sam', 'Where is the guidance?', ?, ?, ?, 'NEW', ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, network.name());
            insert.setString(3, externalId(id));
            insert.setString(4, account);
            insert.setString(5, network == Network.BLUESKY ? "https://bsky.app/post/" + id : null);
            insert.setTimestamp(6, Timestamp.from(receivedAt));
            insert.setTimestamp(7, Timestamp.from(receivedAt));
            insert.setObject(8, theme);
            insert.setTimestamp(9, dueAt == null ? null : Timestamp.from(dueAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static String externalId(UUID mention) {
        return "external-" + mention;
    }

    private void sql(String statement, UUID... ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(statement)) {
            if (statement.contains("ANY(?)")) {
                update.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                update.setObject(1, ids[0]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(UUID mention) {
        return column(mention, "status");
    }

    private String column(UUID mention, String column) {
        List<String> values = strings("SELECT " + column + "::text FROM mention WHERE id = ?", mention);
        return values.get(0);
    }

    private List<String> actions(UUID mention) {
        return strings("SELECT action || ' ' || actor || ' ' || state FROM mention_action WHERE mention_id = ? "
                + "ORDER BY at, id", mention);
    }

    private String lastActionDetail(UUID mention) {
        List<String> details = strings("SELECT detail FROM mention_action WHERE mention_id = ? ORDER BY at, id",
                mention);
        return details.get(details.size() - 1);
    }

    private List<String> strings(String query, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(query)) {
            select.setObject(1, id);
            List<String> values = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean processed(ProducerRecord<String, String> record) throws SQLException {
        return processedStatic(record);
    }

    private static boolean processedStatic(ProducerRecord<String, String> record) throws SQLException {
        String eventId = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        DataSource dataSource = io.quarkus.arc.Arc.container().instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            query.setString(1, Channels.CONSUMER);
            query.setString(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
