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
        broker = KafkaBroker.start(dataDir, 0);
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
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(sent).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
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
        KafkaBroker first = KafkaBroker.start(ownDir, 0);
        int port = first.port();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", "before the restart")).get();
        }
        first.close();

        KafkaBroker again = KafkaBroker.start(ownDir, port);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
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

    @Test
    void topicsAreAutoCreatedWithThreePartitions() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("auto-created", "k", "v")).get();
            assertThat(producer.partitionsFor("auto-created")).hasSize(3);
        }
    }
}
