package org.clearpost.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        broker = KafkaBroker.start(dataDir, 0, "test-super-user-" + UUID.randomUUID());
        System.out.printf("Kafka broker started in %d ms on %s%n", (System.nanoTime() - started) / 1_000_000, broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void recordWithHeadersMakesTheRoundTrip() throws Exception {
        String topic = "round-trip";
        broker.createTopics(topic);
        ProducerRecord<String, String> sent = new ProducerRecord<>(topic, "post-1", "{\"text\":\"hello\"}");
        sent.headers().add("ce_type", "PostDrafted".getBytes(StandardCharsets.UTF_8));
        try (var producer = new KafkaProducer<>(superUser(ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(sent).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(superUser(
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        ConsumerRecord<String, String> record = received.get(0);
        assertThat(record.key()).isEqualTo("post-1");
        assertThat(record.value()).isEqualTo("{\"text\":\"hello\"}");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).isEqualTo("PostDrafted");
    }

    @Test
    void aStoppedBrokerStartsAgainInThisJvmOnTheSamePortWithItsRecords(@TempDir Path ownDir) throws Exception {
        String password = "restart-" + UUID.randomUUID();
        KafkaBroker first = KafkaBroker.start(ownDir, 0, password);
        int port = first.port();
        Map<String, Object> producerConfig = new HashMap<>(first.superUserClientConfig());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", "before the restart")).get();
        }
        first.close();

        KafkaBroker again = KafkaBroker.start(ownDir, port, password);
        Map<String, Object> consumerConfig = new HashMap<>(again.superUserClientConfig());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).extracting(ConsumerRecord::value).containsExactly("before the restart");
        } finally {
            again.close();
        }
        assertThat(again.port()).isEqualTo(port);
    }

    /** Only the super user may create topics; for it, they are created on first use. */
    @Test
    void topicsAreAutoCreatedWithThreePartitions() throws Exception {
        try (var producer = new KafkaProducer<>(superUser(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("auto-created", "k", "v")).get();
            assertThat(producer.partitionsFor("auto-created")).hasSize(3);
        }
    }

    /**
     * The launcher's data directory outlives a password (a deleted secrets file, or a directory formatted before
     * Kafka had credentials at all): the broker's PLAIN login still gets in and rewrites the SCRAM credential.
     */
    @Test
    void restartsOnItsDataDirectoryWithAnotherSuperUserPassword(@TempDir Path otherDir) throws Exception {
        KafkaBroker.start(otherDir, 0, "first-password-" + UUID.randomUUID()).close();

        try (KafkaBroker restarted = KafkaBroker.start(otherDir, 0, "second-password-" + UUID.randomUUID());
             var producer = new KafkaProducer<>(restarted.superUserClientConfig(), new StringSerializer(), new StringSerializer())) {
            assertThat(producer.send(new ProducerRecord<>("after-restart", "k", "v")).get().offset()).isZero();
        }
    }

    private static Map<String, Object> superUser(String... keysAndValues) {
        Map<String, Object> config = new HashMap<>(broker.superUserClientConfig());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
