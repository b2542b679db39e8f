package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.publisher.ClearedPosts.clearedFor;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.target;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.Target;
import org.clearpost.events.Topics;
import org.clearpost.publisher.FakeNetwork.Reply;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.support.outbox.CloudEventRecords;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostCleared in, a real HTTP call to a network, PostPublished or PublicationFailed out through the outbox. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class PublishingTest {

    static final String SOURCE = "/clearpost/publisher-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    FakeNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void publishesAClearedPostToXOnceAndSaysSo() {
        String account = newAccount();
        String token = connect(Network.X, account);
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        List<FakeNetwork.Call> calls = network.calls(token);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/2/tweets");
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(call.body()).isEqualTo("{\"text\":\"" + cleared.text() + "\"}");
        });
        Target target = cleared.targets().get(0);
        assertThat(published.targetId()).isEqualTo(target.targetId());
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.network()).isEqualTo(Network.X);
        assertThat(published.account()).isEqualTo(account);
        assertThat(published.url()).isEqualTo("https://x.com/" + account + "/status/" + published.externalId());
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(p.externalId).isEqualTo(published.externalId());
            assertThat(p.attempts).isEqualTo(1);
            assertThat(p.contentHash).isEqualTo(cleared.contentHash());
        });
    }

    @Test
    void publishesToAFacebookPageThroughTheGraphFeed() {
        String page = "1049" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String token = connect(Network.FACEBOOK, page);
        PostCleared cleared = clearedFor(target(Network.FACEBOOK, page));

        kafka.sender().send(cleared);

        PostPublished published = (PostPublished) awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(network.calls(token)).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo(FakeNetwork.GRAPH_PATH + "/" + page + "/feed");
            assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(call.form()).containsEntry("message", cleared.text()).containsEntry("access_token", token);
        });
        assertThat(published.externalId()).startsWith(page + "_");
        assertThat(published.url()).isEqualTo("https://www.facebook.com/" + published.externalId());
    }

    @Test
    void theSameClearanceDeliveredTwiceIsPublishedOnce() {
        String account = newAccount();
        String token = connect(Network.X, account);
        PostCleared cleared = clearedFor(target(Network.X, account));

        ProducerRecord<String, String> record = kafka.sender().send(cleared);
        kafka.sender().send(record); // the same event again, as after a rebalance
        kafka.sender().send(cleared); // the same clearance as a new event, as after a replay

        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(eventsFor(cleared.postId(), Duration.ofSeconds(2))).hasSize(1);
        assertThat(network.calls(token)).hasSize(1);
        assertThat(ledger.forPost(cleared.postId())).hasSize(1);
    }

    @Test
    void aTargetWhoseAccountIsNotConnectedFailsWithoutACall() {
        String account = newAccount();
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId());
        assertThat(failed.reason())
                .isEqualTo("account " + account + " on X is not connected: an admin must connect it");
        assertThat(failed.targetId()).isEqualTo(cleared.targets().get(0).targetId());
    }

    @Test
    void aRefusalByTheNetworkFailsWithItsReasonAndIsNotRetried() {
        String account = newAccount();
        String token = connect(Network.X, account);
        network.script(token, Reply.of(403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,"
                + "\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}"));
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId());
        assertThat(failed.reason())
                .isEqualTo("X refused the post (403): You are not allowed to create a Tweet with duplicate content.");
        assertThat(ledger.forPost(cleared.postId())).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(PublicationStatus.FAILED));
        assertThat(network.calls(token)).hasSize(1);
    }

    @Test
    void aGraphErrorFailsWithGraphsMessage() {
        String page = "2049" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String token = connect(Network.FACEBOOK, page);
        network.script(token, Reply.of(400, "{\"error\":{\"message\":\"(#200) The user hasn't authorized the "
                + "application to perform this action\",\"type\":\"OAuthException\",\"code\":200}}"));
        PostCleared cleared = clearedFor(target(Network.FACEBOOK, page));

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId());
        assertThat(failed.reason()).isEqualTo("Facebook refused the post (400): (#200) The user hasn't authorized "
                + "the application to perform this action");
    }

    @Test
    void aServerErrorIsRetriedAndThePostPublishedOnce() {
        String account = newAccount();
        String token = connect(Network.X, account);
        network.script(token, Reply.of(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Over capacity\"}"));
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(network.calls(token)).hasSize(2);
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(p.attempts).isEqualTo(2);
        });
        assertThat(eventsFor(cleared.postId(), Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        String account = newAccount();
        String token = connect(Network.X, account);
        Reply unavailable = Reply.of(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Over capacity\"}");
        network.script(token, unavailable, unavailable, unavailable, unavailable);
        PostCleared cleared = clearedFor(target(Network.X, account));

        kafka.sender().send(cleared);

        PublicationFailed failed = (PublicationFailed) awaitEvent(EventType.PUBLICATION_FAILED, cleared.postId());
        // max-attempts is 3 in the test profile
        assertThat(failed.reason()).isEqualTo("gave up after 3 attempts: X answered 503: Over capacity");
        assertThat(network.calls(token)).hasSize(3);
    }

    @Test
    void anAccountWithNoCallsLeftGetsNothingMoreUntilTheReset() {
        String account = newAccount();
        String token = connect(Network.X, account);
        Instant reset = Instant.now().plusSeconds(3);
        network.script(token, Reply.of(201, "{\"data\":{\"id\":\"1898765432101234567\",\"text\":\"first\"}}")
                .withHeaders(Map.of("x-rate-limit-limit", "100", "x-rate-limit-remaining", "0",
                        "x-rate-limit-reset", Long.toString(reset.getEpochSecond()))));
        PostCleared first = clearedFor(target(Network.X, account));
        PostCleared second = clearedFor(target(Network.X, account));

        kafka.sender().send(first);
        awaitEvent(EventType.POST_PUBLISHED, first.postId());
        kafka.sender().send(second);
        awaitEvent(EventType.POST_PUBLISHED, second.postId());

        List<FakeNetwork.Call> calls = network.calls(token);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).receivedAt()).isAfterOrEqualTo(Instant.ofEpochSecond(reset.getEpochSecond()));
    }

    @Test
    void aScheduledPostWaitsForItsTime() {
        String account = newAccount();
        String token = connect(Network.X, account);
        Instant at = Instant.now().plusSeconds(2);
        PostCleared cleared = ClearedPosts.scheduledFor(at, target(Network.X, account));

        kafka.sender().send(cleared);

        awaitEvent(EventType.POST_PUBLISHED, cleared.postId());
        assertThat(network.calls(token)).singleElement()
                .satisfies(call -> assertThat(call.receivedAt()).isAfterOrEqualTo(at));
    }

    @Test
    void aCallInterruptedByAStopIsReconciledNotFailedNorSentBlindly() throws Exception {
        String account = newAccount();
        String token = connect(Network.X, account);
        UUID postId = UUID.randomUUID();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        insertInFlight(postId, account, anHourAgo);

        // Left PENDING, reconciling: the network is asked what became of the call, never failed for not knowing.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> ledger.forPost(postId).stream()
                .anyMatch(p -> p.reconciling && p.status == PublicationStatus.PENDING
                        && p.waitReason.endsWith("; finding out from X")));
        assertThat(eventsFor(postId, Duration.ofSeconds(1))).isEmpty();
        assertThat(network.calls(token)).noneMatch(call -> "POST".equals(call.method()));
    }

    @Test
    void rejectionsAreIgnoredAndEveryClearedVersionIsPublished() {
        String account = newAccount();
        String token = connect(Network.X, account);
        PostCleared first = clearedFor(target(Network.X, account));
        PostCleared second = ClearedPosts.secondVersionOf(first);

        kafka.sender().send(ClearedPosts.rejected(first));
        kafka.sender().send(second);

        awaitEvent(EventType.POST_PUBLISHED, first.postId());
        assertThat(ledger.forPost(first.postId())).singleElement()
                .satisfies(p -> assertThat(p.version).isEqualTo(2));
        assertThat(network.calls(token)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("(corrected)"));
    }

    @Test
    void anUnreadableClearanceGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        kafka.sender().send(CloudEventRecords.record(UUID.randomUUID(), key, EventType.POST_CLEARED.ceType(),
                Topics.CLEARANCE_DECISIONS, "/clearpost/test", Instant.now(), "this is not JSON"));

        List<ConsumerRecord<String, String>> parked = kafka.reader().awaitRecords(
                Topics.deadLetter("publisher-service"),
                r -> key.equals(r.key()), WAIT);

        assertThat(parked).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("this is not JSON"));
    }

    private String connect(Network network, String account) {
        String token = newToken();
        accounts.connect(network, account, new AccessToken(token), "test-admin");
        return token;
    }

    private Object awaitEvent(EventType type, UUID postId) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> postId.toString().equals(r.key())
                        && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), WAIT);
        assertThat(records).as("%s events for post %s", type, postId).hasSize(1);
        return CloudEventAssertions.assertCloudEvent(records.get(0), type, SOURCE);
    }

    /** Every publication event of the post, read until the topic is quiet. */
    private List<ConsumerRecord<String, String>> eventsFor(UUID postId, Duration quiet) {
        return kafka.reader().readAll(Topics.PUBLISHER_PUBLICATIONS, quiet).stream()
                .filter(r -> postId.toString().equals(r.key())).toList();
    }

    /** A publication as a crashed instance leaves it: PUBLISHING, claimed long ago, never settled. */
    private void insertInFlight(UUID postId, String account, Instant claimedAt) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO publication (id, post_id, version, target_id, network, account, content_hash,
                                                 text, status, due_at, attempts, claimed_at, created_at, updated_at)
                        VALUES (?, ?, 1, ?, 'X', ?, 'sha256:interrupted', 'Interrupted', 'PUBLISHING', ?, 1, ?, ?, ?)
                        """)) {
            Timestamp at = Timestamp.from(claimedAt);
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, postId);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, account);
            insert.setTimestamp(5, at);
            insert.setTimestamp(6, at);
            insert.setTimestamp(7, at);
            insert.setTimestamp(8, at);
            insert.executeUpdate();
        }
    }
}
