package org.clearpost.monitoring.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.IntakeSupervisor;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bluesky intake run by the IntakeSupervisor on the real sandbox, real Kafka (KafkaIntakeSink, raw topic) and real
 * PostgreSQL (the pipeline's store): every post made reaches the raw topic and every mention is stored exactly once,
 * through a stop mid-burst, a dropped connection, and an absence longer than Jetstream keeps. Counted, never sampled.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(BlueskySandbox.class)
class BlueskyIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    IntakeSupervisor supervisor;

    @Inject
    IntakeSink sink;

    @Inject
    JetstreamIntake intake;

    @Inject
    DataSource dataSource;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    /** Each test starts the intake itself from a cursor of now, with the sandbox emptied. */
    @BeforeEach
    void stopIntakeAndReset() throws Exception {
        supervisor.stop(JetstreamIntake.NAME);
        send("DELETE", "/sandbox/firehose", null);
        sink.write(JetstreamIntake.NAME, List.of(), Long.toString(micros(Instant.now())));
    }

    @Test
    void everyPostReachesTheRawTopicAndEveryMentionIsStoredOnceThroughAStopAndADrop() throws Exception {
        supervisor.supervise(intake);
        send("POST", "/sandbox/firehose/burst", "{\"networks\":[\"bluesky\"],\"perSecond\":300,\"seconds\":4}");
        Thread.sleep(1000);
        supervisor.stop(JetstreamIntake.NAME);
        Thread.sleep(700);
        supervisor.supervise(intake);
        Thread.sleep(1000);
        send("POST", "/sandbox/firehose/drop", "{\"networks\":[\"bluesky\"]}");

        Map<String, Boolean> made = awaitMade(1200);
        Set<String> mentions = mentionsOf(made);

        List<ConsumerRecord<String, String>> raw = awaitOnRawTopic(made.keySet());
        long repeats = raw.stream().filter(r -> made.containsKey(r.key())).count() - made.size();
        Map<String, Long> stored = awaitStored(mentions);
        assertThat(stored.keySet()).isEqualTo(mentions);
        assertThat(stored.values()).allMatch(n -> n == 1);
        System.out.printf("Bluesky intake: %d posts made, all %d on the raw topic (+%d repeats and versions), "
                + "%d mentions stored once each%n", made.size(), made.size(), repeats, stored.size());
    }

    @Test
    void anAbsenceLongerThanJetstreamKeepsIsCoveredForMentionsByNotifications() throws Exception {
        send("POST", "/sandbox/firehose/burst", "{\"networks\":[\"bluesky\"],\"perSecond\":100,\"seconds\":2}");
        Map<String, Boolean> made = awaitMade(200);
        Thread.sleep(Duration.parse("PT" + BlueskySandbox.WINDOW).plusSeconds(1).toMillis());

        supervisor.supervise(intake);

        Set<String> mentions = mentionsOf(made);
        awaitOnRawTopic(mentions);
        Map<String, Long> stored = awaitStored(mentions);
        assertThat(stored.keySet()).isEqualTo(mentions);
        assertThat(stored.values()).allMatch(n -> n == 1);
    }

    private List<ConsumerRecord<String, String>> awaitOnRawTopic(Set<String> uris) {
        List<ConsumerRecord<String, String>>[] raw = new List[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            raw[0] = topic.readAll(Topics.MONITORING_RAW_MENTIONS, Duration.ofSeconds(2));
            return raw[0].stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(uris);
        });
        return raw[0];
    }

    /** at-uri -> stored rows, for the stored Bluesky mentions among {@code uris}. */
    private Map<String, Long> awaitStored(Set<String> uris) {
        Map<String, Long>[] rows = new Map[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            rows[0] = storedRows(uris);
            return rows[0].keySet().containsAll(uris);
        });
        return rows[0];
    }

    private Map<String, Long> storedRows(Set<String> uris) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT external_id FROM mention WHERE network = 'BLUESKY'");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String uri = result.getString(1).replaceFirst("#[^#]*$", "");
                if (uris.contains(uri)) {
                    rows.merge(uri, 1L, Long::sum);
                }
            }
        }
        return rows;
    }

    private static Set<String> mentionsOf(Map<String, Boolean> made) {
        return made.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The at-uris the sandbox made, each with whether it notified the account. */
    private static Map<String, Boolean> awaitMade(int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> read(send("GET", "/sandbox/firehose", null))
                .path("bluesky").asInt() == count);
        JsonNode posts = read(send("GET", "/sandbox/bluesky/posts", null));
        Map<String, Boolean> made = StreamSupport.stream(posts.spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("uri").asText(), p -> p.path("mention").asBoolean()));
        assertThat(made).hasSize(count);
        return made;
    }

    private static String send(String method, String path, String body) throws Exception {
        URI base = NetworkSandboxServer.url();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

}
