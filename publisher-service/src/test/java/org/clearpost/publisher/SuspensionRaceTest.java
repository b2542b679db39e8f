package org.clearpost.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearpost.publisher.ClearedPosts.newAccount;
import static org.clearpost.publisher.ClearedPosts.newToken;
import static org.clearpost.publisher.ClearedPosts.target;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublicationStatus;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.publisher.domain.PublishingSuspension;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestSigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The race the emergency stop once lost: a post cleared just after a suspension travels on the decisions topic, the
 * suspension on the control topic, and the decision may arrive first. It names the suspension it was cleared under,
 * so it is held however the two arrive, and goes out only once that suspension is resumed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class SuspensionRaceTest {

    static final int ITERATIONS = 30;
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than the worker's poll interval (250 ms): a post that were not held would be called out by then. */
    static final Duration HELD_FOR = Duration.ofMillis(600);

    FakeNetwork network;

    @Inject
    AccountService accounts;

    @Inject
    PublicationLedger ledger;

    @Inject
    PublishingControl control;

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @AfterEach
    void resumeEverySuspension() {
        control.inForce().ifPresent(s -> kafka.sender().send(
                new PublishingResumed(s.suspensionId, "ada", "Test over", Instant.now())));
        await().atMost(WAIT).until(() -> control.inForce().isEmpty());
    }

    @Test
    void aDecisionClearedUnderASuspensionIsHeldUntilItsResumptionHoweverTheEventsArrive() {
        for (int n = 0; n < ITERATIONS; n++) {
            int i = n;
            String account = newAccount();
            String token = connect(account);
            UUID suspensionId = UUID.randomUUID();
            PostCleared cleared = TestSigningKeys.sign(ClearedPosts.unsigned(UUID.randomUUID(), null, Instant.now(),
                    null, null, target(Network.X, account)).withHeldBySuspension(suspensionId));

            kafka.sender().send(cleared);
            if (i % 2 == 1) {
                // The announcement follows the decision it should have preceded.
                kafka.sender().send(new PublishingSuspended(suspensionId, "lee", "Major incident", Instant.now()));
            }
            await().atMost(WAIT).until(() -> ledger.forPost(cleared.postId()).size() == 1);
            await().during(HELD_FOR).atMost(HELD_FOR.plusSeconds(2)).until(() -> network.calls(token).isEmpty());
            assertThat(ledger.forPost(cleared.postId())).singleElement()
                    .satisfies(p -> assertThat(p.status).as("iteration %d", i).isEqualTo(PublicationStatus.PENDING));

            Instant resumedAt = Instant.now();
            kafka.sender().send(new PublishingResumed(suspensionId, "ada", "Incident over", Instant.now()));

            await().atMost(WAIT).until(() -> network.calls(token).size() == 1);
            assertThat(network.calls(token).get(0).receivedAt()).as("iteration %d published only after resume", i)
                    .isAfterOrEqualTo(resumedAt);
        }
    }

    @Test
    void aResumptionThatArrivesBeforeTheDecisionDoesNotHoldItForever() {
        String account = newAccount();
        String token = connect(account);
        UUID suspensionId = UUID.randomUUID();
        kafka.sender().send(new PublishingSuspended(suspensionId, "lee", "Major incident", Instant.now()));
        kafka.sender().send(new PublishingResumed(suspensionId, "ada", "Incident over", Instant.now()));
        await().atMost(WAIT).until(() -> resumedHere(suspensionId));

        PostCleared late = TestSigningKeys.sign(ClearedPosts.unsigned(UUID.randomUUID(), null, Instant.now(), null,
                null, target(Network.X, account)).withHeldBySuspension(suspensionId));
        kafka.sender().send(late);

        await().atMost(WAIT).until(() -> network.calls(token).size() == 1);
    }

    @Test
    void aResumptionWhoseAnnouncementNeverArrivedStillLiftsTheStop() {
        String account = newAccount();
        String token = connect(account);
        UUID suspensionId = UUID.randomUUID();
        // Only the resumption is left on the compacted control topic.
        kafka.sender().send(new PublishingResumed(suspensionId, "ada", "Incident over", Instant.now()));
        await().atMost(WAIT).until(() -> resumedHere(suspensionId));

        kafka.sender().send(TestSigningKeys.sign(ClearedPosts.unsigned(UUID.randomUUID(), null, Instant.now(), null,
                null, target(Network.X, account)).withHeldBySuspension(suspensionId)));

        await().atMost(WAIT).until(() -> network.calls(token).size() == 1);
    }

    private static boolean resumedHere(UUID suspensionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PublishingSuspension s = PublishingSuspension.findById(suspensionId);
            return s != null && s.resumedAt != null;
        });
    }

    private String connect(String account) {
        String token = newToken();
        accounts.connect(Network.X, account, new AccessToken(token), "test-admin");
        return token;
    }
}
