package org.clearpost.monitoring.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.IntakeSupervisor;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RawItemCodec;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Mastodon intake as it runs in the service: started by the IntakeSupervisor (PostgreSQL lease), reading the real
 * sandbox over HTTP and SSE, writing through the KafkaIntakeSink (items and cursor in one transaction) to the real
 * broker, and the pipeline storing them. Every notification a burst made must be on the raw-mentions topic
 * (read_committed) and stored exactly once as a mention, counted by id: through a
 * plain burst, a stop and restart of the intake mid-burst (it resumes from its committed cursor), dropped streams,
 * and a silent stream (reopened after the heartbeat timeout).
 */
@QuarkusTest
@TestProfile(MastodonIntakeProfile.class)
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = NetworkSandboxServer.class,
        initArgs = @ResourceArg(name = "CLEARPOST_SANDBOX_MASTODON_HEARTBEAT", value = "1s"))
class MastodonIntakeKafkaTest {

    @Inject
    IntakeSupervisor supervisor;

    @Inject
    MastodonIntake intake;

    @Inject
    DataSource dataSource;

    private final ObjectMapper mapper = new ObjectMapper();
    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();
    private SandboxFirehose firehose;

    @BeforeEach
    void reset() throws InterruptedException {
        firehose = new SandboxFirehose(NetworkSandboxServer.url(), "mastodon");
        firehose.reset();
        awaitStreamOpen();
    }

    @Test
    void everyNotificationOfABurstReachesTheRawTopic() throws Exception {
        firehose.burst(500, 3);
        assertEveryNotificationOnTheRawTopic(1_500);
    }

    @Test
    void stoppedMidBurstAndRestartedItResumesFromItsCursor() throws Exception {
        firehose.burst(400, 5);
        Thread.sleep(1_500);
        supervisor.stop(MastodonIntake.NAME);
        Thread.sleep(1_500); // made now, seen by no stream: only the catch-up from the committed cursor finds them
        supervisor.supervise(intake);
        assertEveryNotificationOnTheRawTopic(2_000);
    }

    @Test
    void droppedStreamsLoseNothing() throws Exception {
        long opened = intake.streamsOpened();
        firehose.burst(400, 4);
        Thread.sleep(1_000);
        firehose.drop();
        Thread.sleep(1_000);
        firehose.drop();
        assertEveryNotificationOnTheRawTopic(1_600);
        assertThat(intake.streamsOpened()).isGreaterThanOrEqualTo(opened + 2);
    }

    @Test
    void aSilentStreamIsReopened() throws Exception {
        long opened = intake.streamsOpened();
        firehose.burst(200, 6);
        Thread.sleep(500);
        firehose.silence(30);
        assertEveryNotificationOnTheRawTopic(1_200);
        assertThat(intake.streamsOpened()).isGreaterThan(opened);
    }

    /** Waits for the burst to end, then counts, by notification id, what the raw topic holds of it. */
    private void assertEveryNotificationOnTheRawTopic(long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (firehose.made() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(firehose.made()).isEqualTo(expected);
        long oldest = Long.parseLong(notifications("?limit=1&min_id=0").get(0).path("id").asText());
        long newest = Long.parseLong(notifications("?limit=1").get(0).path("id").asText());
        assertThat(newest - oldest + 1).isEqualTo(expected);

        Map<Long, Integer> copies = new HashMap<>();
        Set<String> statusIds = new HashSet<>();
        deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            copies.clear();
            for (ConsumerRecord<String, String> record : topic.readAll(Topics.MONITORING_RAW_MENTIONS, Duration.ofSeconds(2))) {
                RawItem item = RawItemCodec.read(record.value());
                if (item.network() != Network.MASTODON) {
                    continue;
                }
                JsonNode payload = mapper.readTree(item.payload());
                long id = payload.path("id").asLong();
                if (id >= oldest && id <= newest) {
                    copies.merge(id, 1, Integer::sum);
                    statusIds.add(payload.path("status").path("id").asText());
                    assertThat(record.key()).isEqualTo(payload.path("status").path("uri").asText());
                    assertThat(item.kind()).isEqualTo(MastodonIntake.KIND_NOTIFICATION);
                }
            }
            if (copies.size() == expected) {
                break;
            }
        }
        assertThat(copies).as("distinct notifications of this burst on the raw topic").hasSize((int) expected);
        assertThat(copies.keySet()).allSatisfy(id -> assertThat(id).isBetween(oldest, newest));
        assertThat(statusIds).hasSize((int) expected);

        // and the pipeline stored each of them exactly once, however many times the intake wrote it
        long[] rows = stored(statusIds);
        deadline = Instant.now().plusSeconds(90);
        while (rows[1] < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            rows = stored(statusIds);
        }
        assertThat(rows[1]).as("distinct mentions of this burst stored").isEqualTo(expected);
        assertThat(rows[0]).as("rows stored for them (none twice)").isEqualTo(expected);
    }

    /** Rows and distinct external ids stored for these Mastodon status ids. */
    private long[] stored(Set<String> statusIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*), count(DISTINCT external_id) "
                        + "FROM mention WHERE network = 'MASTODON' AND external_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("text", statusIds.toArray()));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    private JsonNode notifications(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(NetworkSandboxServer.url() + "/api/v1/notifications" + query))
                .header("Authorization", "Bearer " + MastodonIntakeProfile.TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private void awaitStreamOpen() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (firehose.get("/sandbox/mastodon/streams").path("open").asLong() < 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(firehose.get("/sandbox/mastodon/streams").path("open").asLong())
                .as("the supervisor started the intake and it opened its stream").isPositive();
    }
}
