package org.clearpost.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.clearpost.infra.PortsHeld;
import org.clearpost.infra.Processes;
import org.clearpost.infra.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the real infrastructure part of the local platform (Kafka, PostgreSQL, Keycloak with the clearpost
 * realm) on free ports, exactly as ./clearpost-local does, and checks that it stops without leaving processes.
 */
class LocalPlatformInfrastructureTest {

    /** Kept between runs (under target/), like .local-data: later runs skip unpacking Keycloak and its build step. */
    private static final Path DATA_DIR = Path.of("target/local-platform-test").toAbsolutePath();

    @BeforeAll
    static void logToFilesLikeTheLauncher() {
        LauncherLogging.toFiles(DATA_DIR.resolve("logs"));
    }

    @Test
    void infrastructureStartsIssuesRealmTokensAndStopsWithoutOrphans() throws Exception {
        Path distDir = LocalPlatformOptions.defaults().repoRoot().resolve("deploy/local/target/keycloak-dist");
        assumeTrue(Files.isDirectory(distDir), "Keycloak tarball not copied by the build: " + distDir);
        LocalPlatformOptions options = LocalPlatformOptions.defaults().freePorts().applications(Set.of()).dataDir(DATA_DIR);
        List<String> progress = new CopyOnWriteArrayList<>();
        // As if ./clearpost-local were running: the default ports (Keycloak's 8180 and management 9000, Kafka,
        // PostgreSQL, the services') are taken for the whole start.
        PortsHeld defaults = PortsHeld.hold(PortsHeld.DEFAULTS);

        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options, line -> {
                progress.add(line);
                System.out.println(line);
            });
        } catch (RuntimeException e) {
            defaults.close();
            throw e;
        }
        long postmasterPid;
        List<ProcessHandle> keycloakTree;
        try (defaults) {
            for (Component component : Component.values()) {
                assertThat(platform.port(component)).as(component.id()).isNotIn(defaults.ports());
            }
            JsonNode dana = claims(TokenClient.passwordGrant(platform.issuerUrl(), "clearpost-cli", "dana", "dana"));
            assertThat(dana.path("preferred_username").asText()).isEqualTo("dana");
            assertThat(texts(dana.path("realm_access").path("roles"))).contains("drafter").doesNotContain("clearer");
            JsonNode lee = claims(TokenClient.passwordGrant(platform.issuerUrl(), "clearpost-cli", "lee", "lee"));
            assertThat(texts(lee.path("realm_access").path("roles"))).contains("clearer", "lead");
            assertThat(lee.path("exp").asLong() - lee.path("iat").asLong()).isEqualTo(900);

            for (Component service : Component.SERVICES) {
                try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service),
                        platform.databaseUsername(), platform.databasePassword())) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
            analystReadsButCannotWriteWithThePrintedPropertiesFile(platform);
            postmasterPid = Long.parseLong(Files.readAllLines(DATA_DIR.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle keycloak = ProcessHandle.of(platform.keycloakPid()).orElseThrow();
            keycloakTree = Stream.concat(Stream.of(keycloak), keycloak.descendants()).toList();
            System.out.printf("Keycloak RSS: %d MB (process tree of %d)%n", rssKilobytes(keycloakTree) / 1024, keycloakTree.size());
        } finally {
            platform.close();
        }

        assertThat(progress).anyMatch(line -> line.startsWith("[1/3] kafka ready in"))
                .anyMatch(line -> line.startsWith("[2/3] postgresql ready in"))
                .anyMatch(line -> line.startsWith("[3/3] keycloak ready in"));
        assertThat(keycloakTree).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(postmasterPid).filter(Processes::isRunning)).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        assertThat(DATA_DIR.resolve("logs/kafka.log")).content().contains("Kafka Server started");
    }

    /** The analyst's file, as an analyst would hand it to a Kafka tool: it lists and reads topics, and writes none. */
    private static void analystReadsButCannotWriteWithThePrintedPropertiesFile(LocalPlatform platform) throws Exception {
        Properties analyst = new Properties();
        try (var in = Files.newBufferedReader(platform.kafkaAnalystProperties())) {
            analyst.load(in);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(platform.kafkaAnalystProperties()))).isEqualTo("rw-------");
        Map<String, Object> config = new HashMap<>();
        analyst.forEach((key, value) -> config.put((String) key, value));
        try (Admin admin = Admin.create(config)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaAccess.ANALYST_GROUP_PREFIX + UUID.randomUUID());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DRAFTING_POSTS));
            consumer.poll(Duration.ofSeconds(2)); // no authorisation error: may join its group and read
        }
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, "post", "forged")).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(AuthorizationException.class);
        }
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static long rssKilobytes(List<ProcessHandle> processes) throws IOException {
        long total = 0;
        for (ProcessHandle process : processes) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    total += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return total;
    }
}
