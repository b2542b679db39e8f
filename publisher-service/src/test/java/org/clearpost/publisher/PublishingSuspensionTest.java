package org.clearpost.publisher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.publisher.ClearedPosts.clearedFor;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.target;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.events.Topics;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.publisher.domain.PublishingSuspension;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clearance's emergency stop: PublishingSuspended holds every publication, PublishingResumed lets them go. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class PublishingSuspensionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration HELD_FOR = Duration.ofSeconds(4);
    static final String DANA = TestTokens.forUser("dana", "drafter");

    FakeNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    PublishingControl control;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    /** The other tests share this database: never leave publishing suspended, whatever a test did. */
    @AfterEach
    void resumeEverySuspension() {
        control.inForce().ifPresent(s -> resume(s.suspensionId));
        await().atMost(WAIT).until(() -> control.inForce().isEmpty());
    }

    @Test
    void aPostClearedDuringASuspensionIsHeldThenPublishedOnceOnResume() {
        String account = newAccount();
        String token = connect(account);
        UUID suspensionId = suspend("Major incident");
        int callsBefore = network.calls().size();

        PostCleared cleared = clearedFor(target(Network.X, account));
        kafka.sender().send(cleared);

        await().atMost(WAIT).until(() -> ledger.forPost(cleared.postId()).size() == 1);
        given().auth().oauth2(DANA).queryParam("postId", cleared.postId().toString()).get("/publications").then()
                .statusCode(200).body("[0].status", equalTo("PENDING")).body("[0].held", equalTo(true));
        await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(2))
                .until(() -> network.calls().size() == callsBefore);
        assertThat(ledger.forPost(cleared.postId())).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(PublicationStatus.PENDING));

        resume(suspensionId);

        List<ConsumerRecord<String, String>> published = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> cleared.postId().toString().equals(r.key())
                        && EventType.POST_PUBLISHED.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)),
                WAIT);
        assertThat(published).hasSize(1);
        CloudEventAssertions.assertCloudEvent(published.get(0), EventType.POST_PUBLISHED, PublishingTest.SOURCE);
        assertThat(network.calls(token)).hasSize(1);
        given().auth().oauth2(DANA).queryParam("postId", cleared.postId().toString()).get("/publications").then()
                .statusCode(200).body("[0].status", equalTo("PUBLISHED")).body("[0].held", equalTo(false));
    }

    @Test
    void aRedeliveredSuspensionIsAppliedOnceAndDoesNotStopPublishingAgainAfterTheResume() {
        UUID first = UUID.randomUUID();
        ProducerRecord<String, String> suspended = kafka.sender().send(
                new PublishingSuspended(first, "lee", "Major incident", Instant.now()));
        kafka.sender().send(suspended);
        kafka.sender().send(new PublishingResumed(first, "ada", "Incident over", Instant.now()));
        kafka.sender().send(suspended);
        // The control topic is one ordered partition: once this one is applied, every record above was too.
        UUID marker = suspend("Marker");

        List<PublishingSuspension> all = QuarkusTransaction.requiringNew()
                .call(() -> PublishingSuspension.<PublishingSuspension>listAll());
        assertThat(all).filteredOn(s -> s.resumedAt == null)
                .singleElement().satisfies(s -> assertThat(s.suspensionId).isEqualTo(marker));
        assertThat(all).filteredOn(s -> s.suspensionId.equals(first)).singleElement().satisfies(s -> {
            assertThat(s.resumedBy).isEqualTo("ada");
            assertThat(s.resumeReason).isEqualTo("Incident over");
        });
    }

    @Test
    void theStateNeedsATokenAndARoleThatSeesPosts() {
        given().get("/publishing/state").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("mo", "monitor")).get("/publishing/state").then().statusCode(403);
        for (String role : new String[] { "drafter", "clearer", "admin" }) {
            given().auth().oauth2(TestTokens.forUser("someone", role)).get("/publishing/state").then()
                    .statusCode(200).body("suspended", equalTo(false)).body("since", nullValue());
        }
    }

    private UUID suspend(String reason) {
        UUID suspensionId = UUID.randomUUID();
        kafka.sender().send(new PublishingSuspended(suspensionId, "lee", reason, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(DANA).get("/publishing/state").then()
                .statusCode(200).body("suspended", equalTo(true)).body("reason", equalTo(reason))
                .body("suspendedBy", equalTo("lee")));
        return suspensionId;
    }

    private static void resume(UUID suspensionId) {
        kafka.sender().send(new PublishingResumed(suspensionId, "ada", "Incident over", Instant.now()));
    }

    private String connect(String account) {
        String token = newToken();
        accounts.connect(Network.X, account, new AccessToken(token), "test-admin");
        return token;
    }
}
