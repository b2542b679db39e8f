package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Topics;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.Publication;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.network.PublishRequest;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger's half of unknown outcomes and rate budgets, end to end (Kafka in, PostgreSQL ledger, worker, outbox
 * out) against a Mastodon-like idempotent network ({@link IdempotentTestNetwork}): a lost answer and a crash mid-call
 * are reconciled, never failed nor sent blindly, and a spent budget defers a post instead of calling the network.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
// Not used here (nothing of this class publishes to X or Facebook), but the same resources as PublishingTest and the
// rest: so this class runs in their application instead of restarting Quarkus for its own.
@WithTestResource(FakeNetworkResource.class)
class ReconciliationTest {

    static final String SOURCE = "/clearpost/publisher-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    // The test network standing in for Mastodon, and Mastodon's budget of 2 posts an hour, are in the %test profile
    // (application.properties): no other @QuarkusTest publishes to Mastodon.

    @Inject
    IdempotentTestNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    AgroalDataSource dataSource;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Test
    void aPostWhoseAnswerWasLostIsFoundPublishedOnceWithItsUrl() {
        String account = connected();
        network.loseAnswers(2);
        PostCleared cleared = clearedFor(target(Network.MASTODON, account));

        kafka.sender().send(cleared);

        PostPublished published = awaitPublished(cleared.postId());
        // The publish call and two reconcile calls (the first lost its answer too), one post on the network.
        assertThat(network.held(account)).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo(cleared.text());
            assertThat(published.externalId()).isEqualTo(post.id());
            assertThat(published.url()).isEqualTo("https://social.example/@" + account + "/" + post.id());
        });
        assertThat(network.calls(account)).isEqualTo(3);
        assertThat(eventsFor(cleared.postId())).hasSize(1);
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(p.url).isEqualTo(published.url());
            assertThat(p.reconciling).isFalse();
            assertThat(p.waitReason).isNull();
            assertThat(p.attempts).as("reconcile calls are not publish attempts").isEqualTo(1);
        });
    }

    @Test
    void aCallCutShortByACrashIsReconciledNotFailed() throws Exception {
        String account = connected();
        UUID postId = UUID.randomUUID();
        UUID publicationId = UUID.randomUUID();
        // The network made the post; the instance stopped before it heard so, an hour ago.
        network.accept(account, "Cut short", PublishRequest.stepKey(publicationId, 0));
        insertInFlight(publicationId, postId, account, "Cut short", Instant.now().minus(Duration.ofHours(1)));

        PostPublished published = awaitPublished(postId);

        assertThat(network.held(account)).singleElement()
                .satisfies(post -> assertThat(published.externalId()).isEqualTo(post.id()));
        assertThat(network.calls(account)).as("one reconcile call, no blind publish").isEqualTo(1);
        assertThat(ledger.forPost(postId)).singleElement()
                .satisfies(p -> assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED));
    }

    @Test
    void aCallCutShortBeforeTheNetworkGotItIsPublishedOnceAfterReconciling() throws Exception {
        String account = connected();
        UUID postId = UUID.randomUUID();
        insertInFlight(UUID.randomUUID(), postId, account, "Never arrived", Instant.now().minus(Duration.ofHours(1)));

        PostPublished published = awaitPublished(postId);

        assertThat(network.held(account)).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("Never arrived");
            assertThat(published.externalId()).isEqualTo(post.id());
        });
    }

    @Test
    void aSpentBudgetPutsThePostOffWithItsReasonRatherThanCallingTheNetwork() {
        String account = connected();
        PostCleared first = clearedFor(target(Network.MASTODON, account));
        PostCleared second = clearedFor(target(Network.MASTODON, account));
        PostCleared third = clearedFor(target(Network.MASTODON, account));
        kafka.sender().send(first);
        awaitPublished(first.postId());
        kafka.sender().send(second);
        awaitPublished(second.postId());
        Instant firstLive = ledger.forPost(first.postId()).get(0).liveAt;

        kafka.sender().send(third);

        await().atMost(WAIT).until(() -> !ledger.forPost(third.postId()).isEmpty()
                && ledger.forPost(third.postId()).get(0).waitReason != null);
        Publication deferred = ledger.forPost(third.postId()).get(0);
        assertThat(deferred.status).isEqualTo(PublicationStatus.PENDING);
        assertThat(deferred.waitReason).startsWith("Mastodon allows 2 posts an hour from this account; 2 made since ")
                .contains("; goes at ");
        assertThat(deferred.dueAt).isEqualTo(firstLive.plus(Duration.ofHours(1)));
        // Polled every 250 ms for two seconds: still only the two posts the budget allows, and no third call.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(network.held(account)).hasSize(2);
        assertThat(network.calls(account)).isEqualTo(2);
        assertThat(eventsFor(third.postId())).isEmpty();
    }

    private String connected() {
        String account = newAccount();
        accounts.connect(Network.MASTODON, account, new AccessToken(newToken()), "test-admin");
        return account;
    }

    private PostPublished awaitPublished(UUID postId) {
        List<ConsumerRecord<String, String>> records = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> postId.toString().equals(r.key()) && EventType.POST_PUBLISHED.ceType()
                        .equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), WAIT);
        assertThat(records).hasSize(1);
        return (PostPublished) CloudEventAssertions.assertCloudEvent(records.get(0), EventType.POST_PUBLISHED,
                SOURCE);
    }

    /** Every publication event of the post (published or failed), read until the topic is quiet. */
    private List<ConsumerRecord<String, String>> eventsFor(UUID postId) {
        return kafka.reader().readAll(Topics.PUBLISHER_PUBLICATIONS, Duration.ofSeconds(1)).stream()
                .filter(r -> postId.toString().equals(r.key())).toList();
    }

    /** A publication as a crashed instance leaves it: PUBLISHING, claimed long ago, never settled. */
    private void insertInFlight(UUID id, UUID postId, String account, String text, Instant claimedAt)
            throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO publication (id, post_id, version, target_id, network, account, content_hash,
                                                 text, status, due_at, attempts, claimed_at, created_at, updated_at)
                        VALUES (?, ?, 1, ?, 'MASTODON', ?, 'sha256:interrupted', ?, 'PUBLISHING', ?, 1, ?, ?, ?)
                        """)) {
            Timestamp at = Timestamp.from(claimedAt);
            insert.setObject(1, id);
            insert.setObject(2, postId);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, account);
            insert.setString(5, text);
            insert.setTimestamp(6, at);
            insert.setTimestamp(7, at);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            insert.executeUpdate();
        }
    }
}
