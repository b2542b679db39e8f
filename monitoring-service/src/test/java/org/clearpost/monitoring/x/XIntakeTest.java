package org.clearpost.monitoring.x;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.IntakeSupervisor;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RawItemCodec;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.NetworkSandboxServer;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X intakes against the real sandbox (its stream over HTTP, its search and timelines), writing through the real
 * KafkaIntakeSink to the real broker, run by the real IntakeSupervisor under its PostgreSQL lease. Each test counts:
 * every post id the sandbox made must be on the raw-mentions topic (repeats allowed, none missing), whatever
 * happened to the connection or the intake meanwhile, and the pipeline must have stored each mention exactly once.
 */
@QuarkusTest
@TestProfile(XIntakeTest.Timings.class)
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = NetworkSandboxServer.class, initArgs = {
        @ResourceArg(name = "CLEARPOST_SANDBOX_X_FIREHOSE_KEEP_ALIVE", value = "500ms"),
        @ResourceArg(name = "CLEARPOST_SANDBOX_X_FIREHOSE_CONNECT_LIMIT", value = "1000"),
        @ResourceArg(name = "CLEARPOST_SANDBOX_X_FIREHOSE_READ_LIMIT", value = "100000")})
class XIntakeTest {

    static final String CLEARPOST_DEMO = "1500000000000000001";

    /** X's timings shortened (a 2 s keep-alive timeout, sub-second back-offs), pointed at the sandbox. */
    public static class Timings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("clearpost.monitoring.x.base-url", "${" + NetworkSandboxServer.URL_PROPERTY + "}"),
                    Map.entry("clearpost.monitoring.x.bearer-token", "test-x-app-token"),
                    Map.entry("clearpost.monitoring.x.own-account-ids", CLEARPOST_DEMO),
                    Map.entry("clearpost.monitoring.x.own-handles", "clearpost_demo,clearpost_news"),
                    Map.entry("clearpost.monitoring.x.query", "@clearpost_demo OR @clearpost_news OR "
                            + "\"Information Commissioner\" OR \"data protection\""),
                    Map.entry("clearpost.monitoring.x.keep-alive-timeout", "2s"),
                    Map.entry("clearpost.monitoring.x.network-backoff-step", "50ms"),
                    Map.entry("clearpost.monitoring.x.network-backoff-max", "1s"),
                    Map.entry("clearpost.monitoring.x.http-backoff-initial", "200ms"),
                    Map.entry("clearpost.monitoring.x.http-backoff-max", "2s"),
                    Map.entry("clearpost.monitoring.x.rate-limit-backoff-initial", "1s"),
                    Map.entry("clearpost.monitoring.x.rate-limit-backoff-max", "5s"),
                    Map.entry("clearpost.monitoring.x.gap-overlap", "2s"),
                    Map.entry("clearpost.monitoring.x.timeline-poll-interval", "1s"),
                    Map.entry("clearpost.monitoring.intake.lease-interval", "500ms"),
                    Map.entry("clearpost.monitoring.intake.restart-first", "200ms"));
        }
    }

    @Inject
    IntakeSupervisor supervisor;

    @Inject
    XFilteredStreamIntake stream;

    @Inject
    DataSource dataSource;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private static RequestSpecification sandbox() {
        return given().baseUri(NetworkSandboxServer.url().toString()).contentType(ContentType.JSON);
    }

    @BeforeEach
    void streamConnected() {
        sandbox().delete("/sandbox/firehose").then().statusCode(204);
        awaitStats(s -> ((Number) s.get("connections")).intValue() == 1, Duration.ofSeconds(60), "the intake connected");
    }

    @Test
    void everyPostOfABurstReachesTheRawTopic() {
        burst(300, 3);
        awaitBurstMade(900);

        assertEveryPostOnTheRawTopic(item -> item.account() == null, ids());
        assertEveryMentionStoredOnce();
    }

    @Test
    void anIntakeStoppedMidBurstResumesFromItsCursorWithNoneMissing() throws Exception {
        burst(300, 6);
        Thread.sleep(2000);
        supervisor.stop(XFilteredStreamIntake.NAME);
        long madeWhileStopped = made();
        Thread.sleep(2000);
        assertThat(made()).as("the burst went on while the intake was stopped").isGreaterThan(madeWhileStopped);
        supervisor.supervise(stream);
        awaitBurstMade(1800);

        assertEveryPostOnTheRawTopic(item -> item.account() == null, ids());
        assertEveryMentionStoredOnce();
    }

    @Test
    void aDroppedConnectionIsReconnectedAndItsGapFilledBySearch() throws Exception {
        burst(300, 6);
        Thread.sleep(2000);
        long connects = connects();
        sandbox().body(Map.of("networks", List.of("x"))).post("/sandbox/firehose/drop").then().statusCode(204);
        // The intake notices the drop once it has handed over what the stream sent before it (on a busy machine its
        // Kafka transactions can lag the burst by seconds).
        awaitStats(s -> ((Number) s.get("connects")).longValue() > connects, Duration.ofSeconds(60),
                "a reconnect after the drop");
        awaitBurstMade(1800);

        assertEveryPostOnTheRawTopic(item -> item.account() == null, ids());
        assertEveryMentionStoredOnce();
    }

    @Test
    void aSilenceLongerThanTheKeepAliveTimeoutIsAReconnect() throws Exception {
        burst(200, 8);
        Thread.sleep(1500);
        long connects = connects();
        sandbox().body(Map.of("networks", List.of("x"), "seconds", 4)).post("/sandbox/firehose/silence").then()
                .statusCode(204);
        // The silenced connection stays open but sends nothing: only a reconnect (2 s timeout) and its gap fill can
        // bring the posts made meanwhile.
        awaitStats(s -> ((Number) s.get("connects")).longValue() > connects, Duration.ofSeconds(6),
                "a reconnect within the silence");
        awaitBurstMade(1600);

        assertEveryPostOnTheRawTopic(item -> item.account() == null, ids());
        assertEveryMentionStoredOnce();
    }

    @Test
    void theMentionsTimelineOfAnOwnAccountBringsEveryPostMentioningIt() {
        burst(200, 3);
        awaitBurstMade(600);
        Set<String> mentioning = new TreeSet<>();
        // The sandbox's own account of which post mentions whom: read through its timeline with another app token.
        String token = null;
        do {
            var request = sandbox().header("Authorization", "Bearer test-reader").queryParam("max_results", 100);
            if (token != null) {
                request.queryParam("pagination_token", token);
            }
            var page = request.get("/2/users/" + CLEARPOST_DEMO + "/mentions").then().statusCode(200).extract();
            List<String> ids = page.path("data.id");
            if (ids != null) {
                mentioning.addAll(ids);
            }
            token = page.path("meta.next_token");
        } while (token != null);
        assertThat(mentioning).hasSizeGreaterThan(200);

        assertEveryPostOnTheRawTopic(item -> CLEARPOST_DEMO.equals(item.account()), mentioning);
    }

    /**
     * Counts the stored X mentions of this test's posts: every post that mentions an own account is one row, whatever
     * number of times it reached the raw topic, and an edit is the same row as its original (dedupe on every id of
     * the edit history). Posts that only carry a term match no tracked query here, so are not stored.
     */
    private void assertEveryMentionStoredOnce() {
        Map<String, List<String>> versions = new HashMap<>(); // first version -> every version's id
        String token = null;
        do {
            var request = sandbox().header("Authorization", "Bearer test-reader")
                    .queryParam("query", "@clearpost_demo OR @clearpost_news").queryParam("max_results", 100);
            if (token != null) {
                request.queryParam("next_token", token);
            }
            var page = request.get("/2/tweets/search/recent").then().statusCode(200).extract();
            List<Map<String, Object>> posts = page.path("data");
            if (posts != null) {
                for (Map<String, Object> post : posts) {
                    @SuppressWarnings("unchecked")
                    List<String> history = (List<String>) post.get("edit_history_tweet_ids");
                    versions.computeIfAbsent(history.get(0), k -> new ArrayList<>()).add((String) post.get("id"));
                }
            }
            token = page.path("meta.next_token");
        } while (token != null);
        List<String> allIds = versions.values().stream().flatMap(List::stream).toList();
        assertThat(versions).as("posts mentioning an own account").hasSizeGreaterThan(100);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        List<String> stored;
        do {
            stored = storedXMentions(allIds);
            if (stored.size() >= versions.size()) {
                break;
            }
            pause(Duration.ofMillis(500));
        } while (Instant.now().isBefore(deadline));
        pause(Duration.ofSeconds(2)); // anything stored twice would show up by now too
        stored = storedXMentions(allIds);

        assertThat(stored).as("one row per post, none twice").doesNotHaveDuplicates().hasSize(versions.size());
        Set<String> storedSet = new HashSet<>(stored);
        versions.forEach((original, ids) -> assertThat(ids.stream().filter(storedSet::contains).count())
                .as("rows for post %s (versions %s)", original, ids).isEqualTo(1));
    }

    private List<String> storedXMentions(List<String> ids) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT external_id FROM mention WHERE network = 'X' AND external_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            List<String> stored = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void assertEveryPostOnTheRawTopic(Predicate<RawItem> from, Set<String> expected) {
        Set<String> found = new HashSet<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Set<String> missing;
        do {
            for (ConsumerRecord<String, String> record : topic.readAll(Topics.MONITORING_RAW_MENTIONS,
                    Duration.ofSeconds(2))) {
                RawItem item;
                try {
                    item = RawItemCodec.read(record.value());
                } catch (UnparseableItemException e) {
                    continue;
                }
                if (item.network() == Network.X && from.test(item)) {
                    XPosts.Line line = XPosts.read(item.payload());
                    assertThat(record.key()).as("keyed by the first version").isEqualTo(line.key());
                    found.add(Long.toString(line.id()));
                }
            }
            missing = new TreeSet<>(expected);
            missing.removeAll(found);
        } while (!missing.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(missing).as("posts made but not on the raw topic (of %d)", expected.size()).isEmpty();
    }

    private static void burst(int perSecond, int seconds) {
        sandbox().body(Map.of("networks", List.of("x"), "perSecond", perSecond, "seconds", seconds))
                .post("/sandbox/firehose/burst").then().statusCode(202);
    }

    private static void awaitBurstMade(long posts) {
        awaitStats(s -> ((Number) s.get("made")).longValue() + ((Number) s.get("edits")).longValue() >= posts,
                Duration.ofSeconds(60), posts + " posts made");
    }

    private static long made() {
        return ((Number) stats().get("made")).longValue();
    }

    private static long connects() {
        return ((Number) stats().get("connects")).longValue();
    }

    private static Map<String, Object> stats() {
        return sandbox().get("/sandbox/x/firehose").then().statusCode(200).extract().as(Map.class);
    }

    private static Set<String> ids() {
        return new TreeSet<>(sandbox().get("/sandbox/x/firehose/ids").asString().lines().toList());
    }

    private static void awaitStats(Predicate<Map<String, Object>> condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> stats;
        do {
            stats = stats();
            if (condition.test(stats)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not within " + timeout + ": " + what + "; sandbox X firehose: " + stats);
    }
}
