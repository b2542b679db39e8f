package org.clearpost.analytics.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.clearpost.analytics.config.AnalyticsConfig;
import org.clearpost.analytics.query.FigureCatalog;
import org.clearpost.analytics.query.FigureFilter;
import org.clearpost.analytics.query.FigureQueries;
import org.clearpost.events.EventJson;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.FigureType;
import org.clearpost.infra.FreePort;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole topology on the real broker: exactly once (v2), malformed records dead-lettered while the rest flows, two
 * replicas answering for each other's keys (application.server), and a replay (new generation, then an in-place
 * reset) giving the same figures as the live ones.
 */
@QuarkusTest
@QuarkusTestResource(value = BrokerInfrastructure.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsOnTheBrokerTest {

    private static final String ANA = TestTokens.forUser("ana", "analyst");
    private static final String APPLICATION_ID = AnalyticsConfig.applicationId("analytics-service",
            BrokerInfrastructure.GENERATION);

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    Instance<FigureTopology> parts;

    @Inject
    FigureCatalog catalog;

    /** The topology of the last instance this test made. */
    private org.apache.kafka.streams.Topology topology;

    @Test
    @Order(1)
    void runsExactlyOnceAndDeadLettersWhatItCannotReadWithoutStopping() throws Exception {
        String account = "eos-" + UUID.randomUUID();
        kafka.sender().send(TopologyFixtures.drafted(UUID.randomUUID(), account, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> drafted(account) == 1);

        // Exactly once v2: the application's producers are transactional, under ids of its application id
        try (Admin admin = Admin.create(Map.<String, Object>copyOf(RealInfrastructure.kafkaSuperUserConfig()))) {
            List<String> ids = admin.listTransactions().all().get().stream()
                    .map(TransactionListing::transactionalId).toList();
            assertThat(ids).anySatisfy(id -> assertThat(id).startsWith(APPLICATION_ID + "-"));
        }

        String key = UUID.randomUUID().toString();
        kafka.sender().send(new ProducerRecord<>(Topics.DRAFTING_POSTS, key, "{\"no\":\"cloud event headers\"}"));
        var dead = kafka.reader().awaitRecords(AnalyticsTopology.DEAD_LETTER_TOPIC, r -> key.equals(r.key()),
                Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ce_type");

        kafka.sender().send(TopologyFixtures.drafted(UUID.randomUUID(), account, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> drafted(account) == 2);

        // The same rows as CSV, and the catalogue with the part's retention; bad input named
        String csv = given().auth().oauth2(ANA).accept("text/csv").queryParam("account", account)
                .get("/figures/post-activity").then().statusCode(200).contentType(org.hamcrest.Matchers
                        .startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("key,day,network,account,campaign,drafted");
        assertThat(csv).contains("," + account + ",,2,");
        // The part's own retention (the stand-in part's 90 days, or the real part's)
        Duration retention = catalog.retention(FigureType.POST_ACTIVITY);
        given().auth().oauth2(ANA).get("/figures").then().statusCode(200)
                .body("find { it.name == 'post-activity' }.retention", org.hamcrest.Matchers.equalTo(retention.toString()))
                .body("find { it.name == 'post-activity' }.built", org.hamcrest.Matchers.equalTo(true));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        given().auth().oauth2(ANA).queryParam("from", today.minusDays(retention.toDays() + 10).toString())
                .queryParam("to", today.toString())
                .get("/figures/post-activity").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("from"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString(
                        "retention of " + retention.toDays() + " days"));
        given().auth().oauth2(ANA).get("/figures/no-such-figure").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("name"));
        given().auth().oauth2(TestTokens.forUser("dana", "drafter")).get("/figures/post-activity").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.forUser("lee", "lead")).get("/figures/post-activity").then()
                .statusCode(200);
    }

    @Test
    @Order(2)
    void twoReplicasAnswerForEachOthersKeys() throws Exception {
        int port = FreePort.pick();
        AtomicReference<String> forwardedToken = new AtomicReference<>();
        try (KafkaStreams second = streams(APPLICATION_ID, "localhost:" + port, "target/replica-b-" + port)) {
            FigureQueries queries = queries(second, "localhost:" + port);
            HttpServer server = localRowsServer(port, queries, forwardedToken);
            try {
                second.start();
                String store = FigureStores.storeName(FigureType.POST_ACTIVITY);
                await().atMost(Duration.ofSeconds(90)).until(() -> second.state() == KafkaStreams.State.RUNNING
                        && second.streamsMetadataForStore(store).size() == 2);

                String prefix = "replica-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                for (int i = 0; i < 30; i++) {
                    kafka.sender().send(TopologyFixtures.drafted(UUID.randomUUID(), prefix + i, Instant.now()));
                }
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> rowsFromFirst().stream()
                        .filter(row -> row.path("account").asText().startsWith(prefix)).count() == 30);

                List<ObjectNode> all = rowsFromFirst();
                FigureFilter everything = FigureFilter.parse(FigureType.POST_ACTIVITY, null, null, Map.of(),
                        Duration.ofDays(3650), Instant.now());
                // The second replica answers the whole figure too, asking the first (over its REST) for its keys
                assertThat(json(queries.rows(everything, null, "Bearer " + ANA))).isEqualTo(json(all));
                // and each holds only part of it: the first asked the second for the rest, with the caller's token
                List<ObjectNode> firstLocal = read(given().auth().oauth2(ANA).get("/figures/post-activity/local")
                        .then().statusCode(200).extract().asString());
                List<ObjectNode> secondLocal = queries.localRows(everything);
                assertThat(firstLocal).isNotEmpty();
                assertThat(secondLocal).isNotEmpty();
                Set<String> union = new HashSet<>(json(firstLocal));
                union.addAll(json(secondLocal));
                assertThat(union).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(json(all));
                assertThat(forwardedToken.get()).isEqualTo("Bearer " + ANA);

                // The second replica stops answering (its REST gone, its tasks still assigned): a clear 503, never
                // a figure missing the second replica's rows
                server.stop(0);
                given().auth().oauth2(ANA).get("/figures/post-activity").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "5")
                        .body("detail", org.hamcrest.Matchers.containsString("localhost:" + port));
            } finally {
                server.stop(0);
            }
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(ANA)
                .get("/figures/post-activity").then().statusCode(200));
    }

    @Test
    @Order(3)
    void aNewGenerationAndAnInPlaceResetRebuildTheSameFiguresAsTheLiveOnes() throws Exception {
        String account = "replay-" + UUID.randomUUID();
        kafka.sender().send(TopologyFixtures.drafted(UUID.randomUUID(), account, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> drafted(account) == 1);
        Map<FigureType, List<String>> live = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (FigureType type : built()) {
                live.put(type, json(read(given().auth().oauth2(ANA).get("/figures/" + type.figureName()).then()
                        .statusCode(200).extract().asString())));
            }
            assertThat(live.values()).anySatisfy(rows -> assertThat(rows).isNotEmpty());
        });

        String nextGeneration = AnalyticsConfig.applicationId("analytics-service",
                BrokerInfrastructure.GENERATION + 1);
        Path stateDir = Path.of("target/generation-" + UUID.randomUUID());
        rebuildAndCompare(nextGeneration, stateDir, live);

        try (Admin admin = Admin.create(Map.<String, Object>copyOf(RealInfrastructure.kafkaSuperUserConfig()))) {
            StreamsReset.Result reset = StreamsReset.reset(admin, nextGeneration, stateDir,
                    Duration.ofSeconds(60));
            assertThat(reset.deletedGroup()).isTrue();
            assertThat(reset.deletedState()).isTrue();
            assertThat(reset.deletedTopics()).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith(nextGeneration));
        }
        // From nothing again: the same figures
        rebuildAndCompare(nextGeneration, stateDir, live);
    }

    private void rebuildAndCompare(String applicationId, Path stateDir, Map<FigureType, List<String>> live) {
        KafkaStreams rebuild = streams(applicationId, "localhost:" + FreePort.pick(), stateDir.toString());
        try {
            rebuild.start();
            FigureQueries queries = queries(rebuild, "localhost:1");
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                for (FigureType type : built()) {
                    FigureFilter everything = FigureFilter.parse(type, null, null, Map.of(), Duration.ofDays(3650),
                            Instant.now());
                    assertThat(json(queries.localRows(everything))).as(type.figureName()).isEqualTo(live.get(type));
                }
            });
        } finally {
            // Leave the group at once (Streams does not by default), so the reset finds it empty: an operator who
            // stops the instances waits for the session timeout instead
            rebuild.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }
    }

    private List<FigureType> built() {
        return java.util.Arrays.stream(FigureType.values()).filter(type -> catalog.part(type).isPresent()).toList();
    }

    /** Another instance of the same topology (the parts this application runs), on the real broker. */
    private KafkaStreams streams(String applicationId, String applicationServer, String stateDir) {
        Properties props = new Properties();
        props.putAll(RealInfrastructure.kafkaClientConfig("analytics-service"));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // A closed instance stays in its group until its session times out: keep that short for the reset
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "10000");
        topology = AnalyticsTopology.build(parts.stream().toList());
        return new KafkaStreams(topology, props);
    }

    private FigureQueries queries(KafkaStreams streams, String applicationServer) {
        return new FigureQueries(streams, topology, new AnalyticsConfig() {
            @Override
            public int generation() {
                return BrokerInfrastructure.GENERATION;
            }

            @Override
            public Duration queryTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public String applicationId() {
                return APPLICATION_ID;
            }

            @Override
            public String advertisedHost() {
                return "localhost";
            }

            @Override
            public int advertisedPort() {
                return 0;
            }

            @Override
            public String stateDir() {
                return "target";
            }

            @Override
            public int standbyReplicas() {
                return 0;
            }
        }, applicationServer);
    }

    /** The second replica's side of {@code GET /figures/{name}/local}, as the first replica calls it. */
    private static HttpServer localRowsServer(int port, FigureQueries queries, AtomicReference<String> token)
            throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/figures/", exchange -> {
            token.set(exchange.getRequestHeaders().getFirst("Authorization"));
            String name = exchange.getRequestURI().getPath().split("/")[2];
            Map<String, String> params = new HashMap<>();
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            String from = params.remove("from");
            String to = params.remove("to");
            byte[] body;
            int status = 200;
            try {
                body = EventJson.mapper().writeValueAsBytes(queries.localRows(FigureFilter.parse(
                        FigureType.named(name).orElseThrow(), from, to, params, Duration.ofDays(3650), Instant.now())));
            } catch (RuntimeException e) {
                status = 503;
                body = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static List<ObjectNode> rowsFromFirst() {
        return read(given().auth().oauth2(ANA).get("/figures/post-activity").then().statusCode(200).extract()
                .asString());
    }

    private static long drafted(String account) {
        var response = given().auth().oauth2(ANA).queryParam("account", account).get("/figures/post-activity");
        if (response.statusCode() != 200) {
            return -1;
        }
        return read(response.asString()).stream().mapToLong(row -> row.path("drafted").asLong()).sum();
    }

    /** Rows as JSON text: a row read back from JSON has int nodes where the store's has long ones. */
    private static List<String> json(List<ObjectNode> rows) {
        return read(rows.toString()).stream().map(ObjectNode::toString).toList();
    }

    private static List<ObjectNode> read(String json) {
        try {
            return new ArrayList<>(EventJson.mapper().readValue(json, new TypeReference<List<ObjectNode>>() {
            }));
        } catch (java.io.IOException e) {
            throw new AssertionError("not a list of rows: " + json, e);
        }
    }
}
