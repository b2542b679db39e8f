package org.clearpost.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.Topics;
import org.clearpost.infra.KafkaBroker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealInfrastructureTest {

    @Test
    void givesEachServiceItsOwnDatabaseOnSharedServers() throws Exception {
        Map<String, String> drafting = started("drafting");
        Map<String, String> clearance = started("clearance");

        assertThat(drafting.get("kafka.bootstrap.servers")).isEqualTo(clearance.get("kafka.bootstrap.servers"));
        assertThat(drafting.get("quarkus.datasource.jdbc.url")).endsWith("/drafting");
        assertThat(clearance.get("quarkus.datasource.jdbc.url")).endsWith("/clearance");
        try (Connection connection = DriverManager.getConnection(drafting.get("quarkus.datasource.jdbc.url"),
                drafting.get("quarkus.datasource.username"), drafting.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("drafting");
        }
    }

    @Test
    void defaultsToTheTestDatabase() {
        RealInfrastructure resource = new RealInfrastructure();
        resource.init(Map.of());
        assertThat(resource.start().get("quarkus.datasource.jdbc.url")).endsWith("/test");
    }

    @Test
    void bootstrapServersReachARealBrokerThatTheTopicReaderReads() throws Exception {
        String bootstrapServers = started("test").get("kafka.bootstrap.servers");
        assertThat(RealInfrastructure.kafkaSuperUserConfig()).containsEntry("bootstrap.servers", bootstrapServers);
        ProducerRecord<String, String> record = new ProducerRecord<>("drafting.posts", "post-7", "{\"id\":7}");
        record.headers().add("ce_type", "PostSubmitted".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<String, String>(Map.<String, Object>copyOf(RealInfrastructure.kafkaSuperUserConfig()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("drafting.posts", "post-6", "{\"id\":6}")).get();
            producer.send(record).get();
        }

        KafkaTopicReader reader = KafkaTopicReader.fromConfig();
        var matches = reader.awaitRecords("drafting.posts", r -> "post-7".equals(r.key()), Duration.ofSeconds(30));

        assertThat(matches).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("{\"id\":7}");
            assertThat(KafkaTopicReader.header(r, "ce_type")).isEqualTo("PostSubmitted");
        });
        assertThat(reader.readAll("drafting.posts", Duration.ofSeconds(1))).hasSize(2);
    }

    @Test
    void eachServiceLogsInToKafkaAsItsOwnPrincipalWithItsOwnRights() throws Exception {
        Map<String, String> drafting = started("drafting");
        assertThat(drafting.get("clearpost.kafka.username")).isEqualTo("drafting-service");
        assertThat(drafting.get("clearpost.kafka.password")).isNotEqualTo(started("clearance").get("clearpost.kafka.password"));

        Map<String, Object> login = new HashMap<>(KafkaBroker.scramLogin("drafting-service", drafting.get("clearpost.kafka.password")));
        login.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, drafting.get("kafka.bootstrap.servers"));
        login.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(login, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DRAFTING_POSTS, "post-8", "{}")).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, "post-8", "{}")).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Map<String, String> started(String database) {
        RealInfrastructure resource = new RealInfrastructure();
        resource.init(Map.of(RealInfrastructure.DATABASE_ARG, database));
        return resource.start();
    }
}
