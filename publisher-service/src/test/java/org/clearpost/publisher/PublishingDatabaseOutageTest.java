package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.publisher.ClearedPosts.clearedFor;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.target;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.Topics;
import org.clearpost.publisher.FakeNetwork.Reply;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.TcpProxy;
import org.clearpost.testing.UnreliableDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database goes away while a network call is under way: the network's answer is held and recorded once the
 * database is back, so the publication ends PUBLISHED rather than waiting to be reconciled as "outcome unknown".
 */
@QuarkusTest
@TestProfile(PublishingDatabaseOutageTest.SlowNetwork.class)
@WithTestResource(value = UnreliableDatabase.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class PublishingDatabaseOutageTest {

    /** Calls long enough to cut the database while one is under way. */
    public static class SlowNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearpost.networks.request-timeout", "15s",
                    "clearpost.publisher.in-flight-timeout", "60s");
        }
    }

    FakeNetwork network;

    /** Injected by {@link UnreliableDatabase}. */
    TcpProxy database;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    MeterRegistry meters;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void anAnswerThatComesWhileTheDatabaseIsAwayIsRecordedWhenItIsBack() {
        String account = newAccount();
        String token = newToken();
        accounts.connect(Network.X, account, new AccessToken(token), "test-admin");
        network.script(token, Reply.slow(Duration.ofSeconds(5)));
        PostCleared cleared = clearedFor(target(Network.X, account));
        double retriesBefore = retries();

        kafka.sender().send(cleared);
        // The claim is committed and the call under way: then the database goes.
        await().atMost(Duration.ofSeconds(30)).until(() -> !ledger.forPost(cleared.postId()).isEmpty()
                && ledger.forPost(cleared.postId()).get(0).status == PublicationStatus.PUBLISHING);
        database.cut();
        await().atMost(Duration.ofSeconds(20)).until(() -> network.calls(token).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> retries() >= retriesBefore + 2);
        database.restore();

        List<ConsumerRecord<String, String>> events = kafka.reader().awaitRecords(Topics.PUBLISHER_PUBLICATIONS,
                r -> cleared.postId().toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(events).singleElement().satisfies(event -> assertThat(
                KafkaTopicReader.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.POST_PUBLISHED.ceType()));
        assertThat(ledger.forPost(cleared.postId())).singleElement().satisfies(p -> {
            assertThat(p.status).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(p.attempts).isEqualTo(1);
        });
        assertThat(network.calls(token)).hasSize(1);
    }

    private double retries() {
        return meters.find("clearpost.publisher.outcome.record.retries").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
