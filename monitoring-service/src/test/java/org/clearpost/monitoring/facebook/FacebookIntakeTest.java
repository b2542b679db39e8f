package org.clearpost.monitoring.facebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RawItemCodec;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facebook intake against the real network sandbox (its firehose delivering signed, batched Page webhooks to this
 * service's own port; its Graph read API for the reconciler) on the real broker and database: what the sandbox made is
 * counted against what reached the raw-mentions topic and against the mentions the pipeline stored, every comment id,
 * not a sample.
 */
@QuarkusTest
@TestProfile(FacebookIntakeTest.SandboxGraph.class)
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = NetworkSandboxServer.class, initArgs = {
        @ResourceArg(name = "CLEARPOST_SANDBOX_FACEBOOK_APP_SECRET", value = "test-app-secret"),
        @ResourceArg(name = "CLEARPOST_SANDBOX_WEBHOOK_TIMEOUT", value = "30s"),
        @ResourceArg(name = "CLEARPOST_SANDBOX_FACEBOOK_RETRY_INTERVAL", value = "200ms"),
        @ResourceArg(name = "CLEARPOST_SANDBOX_FACEBOOK_DROP_FOR", value = "3s") })
class FacebookIntakeTest {

    /**
     * The reconciler on, reading the sandbox's Graph API, with a gap threshold (1 s) no longer than the sandbox's
     * retry window (1 s), as Meta's 36 h are no longer than the default threshold: a drop can then never go unseen.
     */
    public static class SandboxGraph implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "clearpost.monitoring.facebook.graph-url", "${clearpost.test.sandbox-url}/graph/v21.0",
                    "clearpost.monitoring.facebook.page-id", PAGE,
                    "clearpost.monitoring.facebook.page-access-token", "test-page-token",
                    "clearpost.monitoring.facebook.gap-threshold", "1s",
                    "clearpost.monitoring.facebook.check-interval", "250ms",
                    "clearpost.monitoring.facebook.overlap", "2s");
        }
    }

    private static final String PAGE = "100200300400";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String APP_SECRET = "test-app-secret";

    @TestHTTPResource("/webhooks/facebook")
    URI webhook;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    @Inject
    DataSource dataSource;

    /** Rows the pipeline stored for these comment ids: all of them, and each once (the table is unique on the id). */
    private long stored(Set<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(
                "SELECT count(*) FROM mention WHERE network = 'FACEBOOK' AND external_id = ANY (?)")) {
            count.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @BeforeEach
    void resetAndWarmUp() {
        given().baseUri(NetworkSandboxServer.url().toString()).delete("/sandbox/firehose").then().statusCode(204);
        // The webhook's first delivery starts its producer: done here, not inside a 1 s retry window.
        byte[] warmUp = PageWebhooks.notification(PAGE, System.currentTimeMillis() / 1000,
                PageWebhooks.like(PAGE + "_1", "1", System.currentTimeMillis() / 1000));
        given().contentType(ContentType.JSON).header(WebhookSignature.HEADER, PageWebhooks.sign(APP_SECRET, warmUp))
                .body(warmUp).post(webhook).then().statusCode(200);
    }

    /** Deliveries to this service, retried for {@code retryWindowMillis} when they fail. */
    private void aimTheSandboxHere(long retryWindowMillis) {
        given().baseUri(NetworkSandboxServer.url().toString()).contentType(ContentType.JSON)
                .body(Map.of("url", webhook.toString(), "concurrency", 4, "retryWindowMillis", retryWindowMillis))
                .put("/sandbox/facebook/webhook").then().statusCode(200);
    }

    private static Map<String, Object> sandboxStats() {
        return given().baseUri(NetworkSandboxServer.url().toString()).get("/sandbox/facebook/deliveries")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static long stat(String name) {
        return ((Number) sandboxStats().get(name)).longValue();
    }

    private static Set<String> made() {
        return new HashSet<>(given().baseUri(NetworkSandboxServer.url().toString()).get("/sandbox/facebook/comments")
                .then().statusCode(200).extract().jsonPath().getList("$", String.class));
    }

    private static void burst(int perSecond, int seconds) {
        given().baseUri(NetworkSandboxServer.url().toString()).contentType(ContentType.JSON)
                .body(Map.of("networks", List.of("facebook"), "perSecond", perSecond, "seconds", seconds))
                .post("/sandbox/firehose/burst").then().statusCode(202);
    }

    /** Raw items on the topic whose key is one of {@code ids}, by kind, each key once per record. */
    private Map<String, List<String>> rawKeysByKind(Set<String> ids) {
        Map<String, List<String>> byKind = new HashMap<>();
        for (ConsumerRecord<String, String> r : topic.readAll(Topics.MONITORING_RAW_MENTIONS, QUIET)) {
            if (ids.contains(r.key())) {
                try {
                    RawItem item = RawItemCodec.read(r.value());
                    byKind.computeIfAbsent(item.kind(), k -> new java.util.ArrayList<>()).add(r.key());
                } catch (UnparseableItemException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return byKind;
    }

    @Test
    void aBurstDeliveredInBatchesArrivesCompleteOnTheRawTopic() {
        aimTheSandboxHere(Duration.ofMinutes(5).toMillis());
        burst(2000, 3);
        await().atMost(Duration.ofSeconds(120)).until(() -> stat("made") == 6000 && stat("pending") == 0);

        Set<String> made = made();
        assertThat(made).hasSize(6000);
        assertThat(stat("delivered")).isEqualTo(6000);
        assertThat(stat("dropped")).as("%s", sandboxStats()).isZero();
        assertThat(stat("largestDelivery")).isGreaterThan(1).isLessThanOrEqualTo(1000);
        List<String> delivered = rawKeysByKind(made).getOrDefault(FacebookItems.FEED_CHANGE, List.of());
        // Each change reached the topic; more than once only if a delivery was answered after the sandbox gave up on it.
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(6000);
        assertThat(new HashSet<>(delivered)).isEqualTo(made);
        await().atMost(Duration.ofSeconds(120)).until(() -> stored(made) == 6000);
    }

    @Test
    void aGapOfDroppedDeliveriesIsReadBackFromTheCommentsEdgeWithNothingMissing() {
        // A retry window (1 s) shorter than the drop (3 s): Meta gives up, as after 36 h.
        aimTheSandboxHere(1000);
        burst(500, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> stat("delivered") > 0);
        given().baseUri(NetworkSandboxServer.url().toString()).contentType(ContentType.JSON)
                .body(Map.of("networks", List.of("facebook"))).post("/sandbox/firehose/drop").then().statusCode(204);
        await().atMost(Duration.ofSeconds(120)).until(() -> stat("made") == 3000 && stat("pending") == 0);
        long dropped = stat("dropped");
        assertThat(dropped).as("deliveries Meta gave up on").isPositive();
        Set<String> made = made();
        assertThat(made).hasSize(3000);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            Map<String, List<String>> byKind = rawKeysByKind(made);
            Set<String> webhooked = new HashSet<>(byKind.getOrDefault(FacebookItems.FEED_CHANGE, List.of()));
            Set<String> readBack = new HashSet<>(byKind.getOrDefault(FacebookItems.GRAPH_COMMENT, List.of()));
            Set<String> lost = new HashSet<>(made);
            lost.removeAll(webhooked);
            // At most what the sandbox dropped: a delivery answered after its window counts as dropped there, yet arrived.
            assertThat(lost).hasSizeLessThanOrEqualTo((int) dropped).isNotEmpty();
            assertThat(readBack).as("every comment whose delivery was dropped, read back").containsAll(lost);
            Set<String> all = new HashSet<>(webhooked);
            all.addAll(readBack);
            assertThat(all).isEqualTo(made);
        });
        // Delivered and read back alike, each comment is one stored mention.
        await().atMost(Duration.ofSeconds(120)).until(() -> stored(made) == 3000);
    }
}
