package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.publisher.ClearedPosts.clearedFor;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.DecisionSignatureRejected;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.Topics;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.support.outbox.CloudEventRecords;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The publisher publishes only decisions clearance signed. A PostCleared written straight to the decisions topic, as
 * anyone able to write there could, is refused: dead-lettered with the reason, an alert raised, nothing published.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class SignedDecisionTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration QUIET = Duration.ofSeconds(3);

    FakeNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aGenuinelySignedDecisionIsPublished() {
        String account = newAccount();
        String token = connect(account);
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        await().atMost(WAIT).until(() -> network.calls(token).size() == 1);
    }

    @Test
    void anUnsignedDecisionIsRefusedDeadLetteredAndAlerted() {
        String account = newAccount();
        String token = connect(account);
        PostCleared forged = ClearedPosts.unsigned(UUID.randomUUID(), null, Instant.now(), null, null,
                target(Network.X, account));

        ConsumerRecord<String, String> parked = assertRefused(send(EventJson.write(forged), forged.postId()),
                forged, token);

        assertThat(KafkaTopicReader.header(parked, "dead-letter-reason")).contains("no signature");
    }

    @Test
    void aDecisionSignedWithAnotherKeyIsRefused() {
        String account = newAccount();
        String token = connect(account);
        PostCleared forged = DecisionSignatures.sign(ClearedPosts.unsigned(UUID.randomUUID(), null, Instant.now(),
                null, null, target(Network.X, account)), DecisionSignatures.generatePrivateJwk());

        ConsumerRecord<String, String> parked = assertRefused(send(EventJson.write(forged), forged.postId()),
                forged, token);

        assertThat(KafkaTopicReader.header(parked, "dead-letter-reason")).contains("does not verify");
    }

    @Test
    void aGenuineDecisionAlteredOnTheWayIsRefused() throws Exception {
        String account = newAccount();
        String token = connect(account);
        PostCleared genuine = clearedFor(target(Network.X, account));
        // A captured genuine decision, its text changed and its signature kept.
        ObjectNode altered = (ObjectNode) EventJson.mapper().readTree(EventJson.write(genuine));
        altered.put("text", "Something no clearer ever saw");
        ((ObjectNode) altered.get("targets").get(0)).put("text", "Something no clearer ever saw");

        ConsumerRecord<String, String> parked = assertRefused(send(altered.toString(), genuine.postId()), genuine,
                token);

        assertThat(KafkaTopicReader.header(parked, "dead-letter-reason")).contains("does not verify");
    }

    private ConsumerRecord<String, String> assertRefused(UUID eventId, PostCleared claimed, String token) {
        String key = claimed.postId().toString();
        List<ConsumerRecord<String, String>> parked = kafka.reader().awaitRecords(Topics.deadLetter(
                "publisher-service"), r -> key.equals(r.key()), WAIT);
        assertThat(parked).hasSize(1);

        List<ConsumerRecord<String, String>> alerts = kafka.reader().awaitRecords(Topics.PUBLISHER_ALERTS,
                r -> key.equals(r.key()), WAIT);
        assertThat(alerts).hasSize(1);
        DecisionSignatureRejected alert = (DecisionSignatureRejected) CloudEventAssertions.assertCloudEvent(
                alerts.get(0), EventType.DECISION_SIGNATURE_REJECTED, PublishingTest.SOURCE);
        assertThat(alert.postId()).isEqualTo(claimed.postId());
        assertThat(alert.eventId()).isEqualTo(eventId.toString());
        assertThat(alert.topic()).isEqualTo(Topics.CLEARANCE_DECISIONS);
        assertThat(alert.reason()).isEqualTo(KafkaTopicReader.header(parked.get(0), "dead-letter-reason"));

        // Nothing of it was kept, and no network heard of it.
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> network.calls(token).isEmpty()
                && ledger.forPost(claimed.postId()).isEmpty());
        assertThat(KafkaTopicReader.header(parked.get(0), CloudEventHeaders.ID)).isEqualTo(eventId.toString());
        return parked.get(0);
    }

    /** Writes the body straight to the decisions topic, as an attacker with write access to it would. */
    private static UUID send(String body, UUID postId) {
        UUID eventId = UUID.randomUUID();
        kafka.sender().send(CloudEventRecords.record(eventId, postId.toString(), EventType.POST_CLEARED.ceType(),
                Topics.CLEARANCE_DECISIONS, "/clearpost/clearance-service", Instant.now(), body));
        return eventId;
    }

    private String connect(String account) {
        String token = newToken();
        accounts.connect(Network.X, account, new AccessToken(token), "test-admin");
        return token;
    }
}
