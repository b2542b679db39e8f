package org.clearpost.clearance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PublicationFailed;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditLogTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    AuditLog auditLog;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    DataSource dataSource;

    @Test
    void concurrentAppendsFormOneLinearChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AuditEntry>> appends = IntStream.range(0, 40).mapToObj(i -> pool.submit(
                    () -> QuarkusTransaction.requiringNew().call(() -> auditLog.append("load-" + i,
                            AuditAction.POST_VERSION_SUBMITTED, UUID.randomUUID(), 1, Map.of("load", i)))))
                    .toList();
            for (Future<AuditEntry> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() {
        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> auditLog.append("dana",
                AuditAction.POST_VERSION_SUBMITTED, UUID.randomUUID(), 1, Map.of("text", "Original")));

        assertThatThrownBy(() -> execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + entry.seq()))
                .hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThatThrownBy(() -> execute("DELETE FROM audit_log WHERE seq = " + entry.seq()))
                .hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThatThrownBy(() -> execute("TRUNCATE audit_log"))
                .hasMessageContaining("audit_log is append-only: TRUNCATE refused");
    }

    @Test
    void publicationOutcomesAreRecordedOnceEachAsThePublisher() {
        UUID postId = UUID.randomUUID();
        var published = kafka.sender().send(new PostPublished(postId, 2, UUID.randomUUID(), Network.X, "clearpost_demo",
                "1850000000000000000", "https://x.com/clearpost_demo/status/1850000000000000000", false,
                Instant.now()));
        kafka.sender().send(published);
        kafka.sender().send(new PublicationFailed(postId, 2, UUID.randomUUID(), Network.FACEBOOK, "1234567890",
                "Token expired", Instant.now()));

        List<AuditEntry> entries = await().atMost(Duration.ofSeconds(20))
                .during(Duration.ofSeconds(1))
                .until(() -> auditLog.entriesOfPost(postId), recorded -> recorded.size() == 2);
        assertThat(entries).extracting(AuditEntry::action).containsExactlyInAnyOrder("PUBLISHED",
                "PUBLICATION_FAILED");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly(PublicationOutcomeConsumer.PUBLISHER);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.version()).isEqualTo(2));
        AuditEntry failure = entries.stream().filter(e -> e.action().equals("PUBLICATION_FAILED")).findFirst()
                .orElseThrow();
        assertThat(failure.details().get("reason").asText()).isEqualTo("Token expired");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
