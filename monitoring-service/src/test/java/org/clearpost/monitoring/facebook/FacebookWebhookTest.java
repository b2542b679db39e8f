package org.clearpost.monitoring.facebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class FacebookWebhookTest {

    private static final String SOURCE = "/clearpost/monitoring-service";
    private static final String PAGE = PageWebhooks.PAGE_ID;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "clearpost.webhooks.facebook.app-secret")
    String appSecret;

    @ConfigProperty(name = "clearpost.webhooks.facebook.verify-token")
    String verifyToken;

    @Inject
    DataSource dataSource;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private static ValidatableResponse deliver(byte[] body, String signature) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return request.post("/webhooks/facebook").then();
    }

    private ValidatableResponse deliverSigned(byte[] body) {
        return deliver(body, PageWebhooks.sign(appSecret, body));
    }

    /** What a monitor sees in the inbox for one external id. */
    private static List<Map<String, Object>> inboxEntries(String externalId) {
        return given().auth().oauth2(TestTokens.forUser("mo", "monitor")).queryParam("size", 200)
                .get("/inbox").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(m -> externalId.equals(m.get("externalId"))).toList();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void signedDeliveryStoresEachMentionAndAnnouncesIt() {
        String commentId = "987654321_" + PageWebhooks.nextId();
        String taggingPostId = "44444444_" + PageWebhooks.nextId();
        long commented = now() - 5;
        byte[] body = PageWebhooks.notification(PAGE, now(),
                PageWebhooks.comment(PAGE + "_987654321", commentId, "5550001", "Jo Resident",
                        "When does the tip reopen? 🚮", commented),
                PageWebhooks.like(PAGE + "_987654321", "5550002", commented),
                PageWebhooks.mentionInPost(taggingPostId, "44444444", "Sam Blogger"));

        deliverSigned(body).statusCode(200).contentType(ContentType.JSON)
                .body("mentions", equalTo(2)).body("stored", equalTo(2));

        Map<String, Object> comment = inboxEntries(commentId).get(0);
        assertThat(comment).containsEntry("network", "FACEBOOK").containsEntry("account", PAGE)
                .containsEntry("authorId", "5550001").containsEntry("authorName", "Jo Resident")
                .containsEntry("text", "When does the tip reopen? 🚮")
                .containsEntry("url", "https://www.facebook.com/" + commentId)
                .containsEntry("mentionedAt", Instant.ofEpochSecond(commented).toString())
                .containsEntry("status", "NEW").containsKey("receivedAt");
        assertThat(inboxEntries(taggingPostId)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("authorName", "Sam Blogger"));

        String mentionId = (String) comment.get("id");
        ConsumerRecord<String, String> record = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                r -> mentionId.equals(r.key()), KAFKA_TIMEOUT).get(0);
        assertThat(KafkaTopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("clearpost.mention.received.v1");
        MentionReceived event = (MentionReceived) CloudEventAssertions.assertCloudEvent(record,
                EventType.MENTION_RECEIVED, SOURCE);
        assertThat(event.mentionId()).isEqualTo(UUID.fromString(mentionId));
        assertThat(event.network()).isEqualTo(Network.FACEBOOK);
        assertThat(event.externalId()).isEqualTo(commentId);
        assertThat(event.account()).isEqualTo(PAGE);
        assertThat(event.authorName()).isEqualTo("Jo Resident");
        assertThat(event.text()).isEqualTo("When does the tip reopen? 🚮");
        assertThat(event.mentionedAt()).isEqualTo(Instant.ofEpochSecond(commented));
        assertThat(event.receivedAt().toString()).isEqualTo(comment.get("receivedAt"));
    }

    @Test
    void aRepeatedDeliveryIsStoredAndAnnouncedOnce() throws Exception {
        String commentId = "987654321_" + PageWebhooks.nextId();
        byte[] body = PageWebhooks.notification(PAGE, now(), PageWebhooks.comment(PAGE + "_987654321", commentId,
                "5550001", "Jo Resident", "Is the library open on Sunday?", now()));

        deliverSigned(body).statusCode(200).body("mentions", equalTo(1)).body("stored", equalTo(1));
        deliverSigned(body).statusCode(200).body("mentions", equalTo(1)).body("stored", equalTo(0));

        assertThat(inboxEntries(commentId)).hasSize(1);
        topic.awaitRecords(Topics.MONITORING_MENTIONS, r -> isAbout(r, commentId), KAFKA_TIMEOUT);
        await().atMost(KAFKA_TIMEOUT).until(() -> outboxSize() == 0);
        assertThat(topic.readAll(Topics.MONITORING_MENTIONS, Duration.ofSeconds(1)))
                .filteredOn(r -> isAbout(r, commentId)).hasSize(1);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() {
        String commentId = "987654321_" + PageWebhooks.nextId();
        byte[] body = PageWebhooks.notification(PAGE, now(), PageWebhooks.comment(PAGE + "_987654321", commentId,
                "6660001", "Mallory", "Forged", now()));
        byte[] otherBody = PageWebhooks.notification(PAGE, now(), PageWebhooks.like(PAGE + "_1", "6660001", now()));

        for (String signature : new String[] { PageWebhooks.sign("not-the-app-secret", body),
                PageWebhooks.sign(appSecret, otherBody), "sha256=", null }) {
            deliver(body, signature).statusCode(401).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(401)).body("detail", startsWith(WebhookSignature.HEADER));
        }

        assertThat(inboxEntries(commentId)).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() {
        byte[] body = "{\"object\":\"page\",\"entry\":[".getBytes(StandardCharsets.UTF_8);

        deliverSigned(body).statusCode(400).contentType(Problem.MEDIA_TYPE).body("status", equalTo(400));
    }

    @Test
    void theVerificationHandshakeEchoesTheChallenge() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", verifyToken)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then().statusCode(200).contentType(ContentType.TEXT).body(equalTo("1158201444"));
    }

    @Test
    void theVerificationHandshakeIsRefusedWithoutTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guessed")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", verifyToken)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", verifyToken)
                .get("/webhooks/facebook")
                .then().statusCode(400).body("violations[0].field", equalTo("hub.challenge"));
    }

    private static boolean isAbout(ConsumerRecord<String, String> record, String externalId) {
        return EventType.MENTION_RECEIVED.ceType().equals(KafkaTopicReader.header(record, CloudEventHeaders.TYPE))
                && ((MentionReceived) EventJson.read(EventType.MENTION_RECEIVED, record.value())).externalId()
                        .equals(externalId);
    }

    private long outboxSize() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
