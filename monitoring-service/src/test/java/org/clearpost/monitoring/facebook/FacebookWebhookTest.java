package org.clearpost.monitoring.facebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RawItemCodec;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The webhook on the real broker: a signed delivery is on the raw-mentions topic, one item per change, by the time it
 * is answered 200; anything refused writes nothing. (Storage and MentionReceived are the pipeline's, after the answer.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class FacebookWebhookTest {

    private static final String PAGE = PageWebhooks.PAGE_ID;
    private static final Duration QUIET = Duration.ofSeconds(2);

    @ConfigProperty(name = "clearpost.webhooks.facebook.app-secret")
    String appSecret;

    @ConfigProperty(name = "clearpost.webhooks.facebook.verify-token")
    String verifyToken;

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

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aSignedDeliveryIsWrittenAsOneRawItemPerChangeBeforeItIsAnswered() throws Exception {
        String commentId = "987654321_" + PageWebhooks.nextId();
        String likedPost = PAGE + "_" + PageWebhooks.nextId();
        String taggingPostId = "44444444_" + PageWebhooks.nextId();
        long commented = now() - 5;
        byte[] body = PageWebhooks.notification(PAGE, now(),
                PageWebhooks.comment(PAGE + "_987654321", commentId, "5550001", "Jo Resident",
                        "When does the tip reopen? 🚮", commented),
                PageWebhooks.like(likedPost, "5550002", commented),
                PageWebhooks.mentionInPost(taggingPostId, "44444444", "Sam Blogger"));

        deliverSigned(body).statusCode(200).contentType(ContentType.JSON).body("changes", equalTo(3));

        Map<String, RawItem> items = rawItems(Set.of(commentId, likedPost, taggingPostId));
        assertThat(items).containsOnlyKeys(commentId, likedPost, taggingPostId);
        assertThat(items.values()).allSatisfy(item -> {
            assertThat(item.network()).isEqualTo(Network.FACEBOOK);
            assertThat(item.kind()).isEqualTo(FacebookItems.FEED_CHANGE);
            assertThat(item.account()).isEqualTo(PAGE);
        });
        FacebookNormaliser normaliser = new FacebookNormaliser();
        assertThat(normaliser.normalise(items.get(commentId))).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo(commentId);
            assertThat(m.account()).isEqualTo(PAGE);
            assertThat(m.authorName()).isEqualTo("Jo Resident");
            assertThat(m.text()).isEqualTo("When does the tip reopen? 🚮");
            assertThat(m.mentionedAt()).isEqualTo(Instant.ofEpochSecond(commented));
        });
        assertThat(normaliser.normalise(items.get(likedPost))).isEmpty();
        assertThat(normaliser.normalise(items.get(taggingPostId))).singleElement()
                .satisfies(m -> assertThat(m.authorName()).isEqualTo("Sam Blogger"));
    }

    @Test
    void aDeliveryOfAThousandChangesIsOneAnswerAndEveryChangeIsWritten() {
        String post = PAGE + "_" + PageWebhooks.nextId();
        Set<String> ids = new HashSet<>();
        ObjectNode[] changes = new ObjectNode[1000];
        for (int i = 0; i < changes.length; i++) {
            String id = "987654321_" + PageWebhooks.nextId();
            ids.add(id);
            changes[i] = PageWebhooks.comment(post, id, "555" + i, "Resident " + i, "Comment " + i, now());
        }

        deliverSigned(PageWebhooks.notification(PAGE, now(), changes)).statusCode(200).body("changes", equalTo(1000));

        List<ConsumerRecord<String, String>> written = topic.readAll(Topics.MONITORING_RAW_MENTIONS, QUIET).stream()
                .filter(r -> ids.contains(r.key())).toList();
        assertThat(written).hasSize(1000);
        assertThat(written.stream().map(ConsumerRecord::key).distinct()).hasSize(1000);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsWritten() {
        String commentId = "987654321_" + PageWebhooks.nextId();
        byte[] body = PageWebhooks.notification(PAGE, now(), PageWebhooks.comment(PAGE + "_987654321", commentId,
                "6660001", "Mallory", "Forged", now()));
        byte[] otherBody = PageWebhooks.notification(PAGE, now(), PageWebhooks.like(PAGE + "_1", "6660001", now()));

        for (String signature : new String[] { PageWebhooks.sign("not-the-app-secret", body),
                PageWebhooks.sign(appSecret, otherBody), "sha256=", null }) {
            deliver(body, signature).statusCode(401).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(401)).body("detail", startsWith(WebhookSignature.HEADER));
        }

        assertThat(rawItems(Set.of(commentId))).isEmpty();
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

    /** The raw items written for these keys, read to the end of the topic. */
    private Map<String, RawItem> rawItems(Set<String> keys) {
        Map<String, RawItem> items = new HashMap<>();
        for (ConsumerRecord<String, String> r : topic.readAll(Topics.MONITORING_RAW_MENTIONS, QUIET)) {
            if (keys.contains(r.key())) {
                try {
                    items.put(r.key(), RawItemCodec.read(r.value()));
                } catch (UnparseableItemException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return items;
    }
}
