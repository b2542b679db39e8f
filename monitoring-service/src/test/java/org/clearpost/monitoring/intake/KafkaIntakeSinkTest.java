package org.clearpost.monitoring.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The sink on the real broker, logged in as monitoring-service: a batch and its cursor become visible together or
 * not at all (read_committed, as the pipeline reads), whether the batch fails or its writer dies half-way.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class KafkaIntakeSinkTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    KafkaIntakeSink sink;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private static RawItem item(String key, String payload) {
        return new RawItem(Network.FACEBOOK, key, "test", "page-1", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                payload);
    }

    private List<String> rawKeys(String prefix) {
        return topic.readAll(Topics.MONITORING_RAW_MENTIONS, QUIET).stream().map(ConsumerRecord::key)
                .filter(key -> key != null && key.startsWith(prefix)).toList();
    }

    @Test
    void aBatchAndItsCursorCommitTogetherAndTheItemsRoundTrip() throws Exception {
        String intake = "test-" + UUID.randomUUID();
        assertThat(sink.cursor(intake)).isEmpty();
        RawItem first = item(intake + "-1", "{\"id\":\"1\",\"text\":\"caf\\u00e9 \\\"quoted\\\"\"}");

        sink.write(intake, List.of(first, item(intake + "-2", "not even JSON")), "cursor-1");
        sink.write(intake, List.of(), "cursor-2");
        sink.write(intake, List.of(item(intake + "-3", "{}")), null);

        assertThat(sink.cursor(intake)).contains("cursor-2");
        List<ConsumerRecord<String, String>> records = topic.readAll(Topics.MONITORING_RAW_MENTIONS, QUIET).stream()
                .filter(r -> r.key() != null && r.key().startsWith(intake)).toList();
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(intake + "-1", intake + "-2", intake + "-3");
        RawItem read = RawItemCodec.read(records.stream().filter(r -> r.key().equals(intake + "-1")).findFirst()
                .orElseThrow().value());
        assertThat(read).isEqualTo(first);
    }

    @Test
    void aFailedBatchLeavesNeitherItsItemsNorItsCursor() throws Exception {
        String intake = "test-" + UUID.randomUUID();
        sink.write(intake, List.of(item(intake + "-kept", "{}")), "cursor-1");

        // The second item is larger than any request may be: the transaction cannot commit, so the first item of the
        // batch, already handed to the producer, must not become visible either.
        String tooLarge = "x".repeat(5 * 1024 * 1024);
        assertThatThrownBy(() -> sink.write(intake,
                List.of(item(intake + "-lost", "{}"), item(intake + "-huge", tooLarge)), "cursor-2"))
                .isInstanceOf(RuntimeException.class);

        assertThat(sink.cursor(intake)).contains("cursor-1");
        assertThat(rawKeys(intake)).containsExactly(intake + "-kept");
        // And the intake goes on writing afterwards.
        sink.write(intake, List.of(item(intake + "-next", "{}")), "cursor-3");
        assertThat(sink.cursor(intake)).contains("cursor-3");
        assertThat(rawKeys(intake)).containsExactlyInAnyOrder(intake + "-kept", intake + "-next");
    }

    /**
     * A replica that dies mid-batch leaves an open transaction with its items and cursor on the broker. The next run
     * of the intake (here or elsewhere: same transactional id) fences it and aborts the batch: neither appears.
     */
    @Test
    void aWriterThatDiesMidBatchLeavesNeitherAndIsFencedByTheNextRun() throws Exception {
        String intake = "test-" + UUID.randomUUID();
        sink.write(intake, List.of(item(intake + "-kept", "{}")), "cursor-1");

        Map<String, Object> config = new HashMap<>(RealInfrastructure.kafkaClientConfig("monitoring-service"));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, sink.transactionalId(intake));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        KafkaProducer<String, String> dying = new KafkaProducer<>(config);
        try {
            dying.initTransactions();
            dying.beginTransaction();
            dying.send(new ProducerRecord<>(Topics.MONITORING_RAW_MENTIONS, intake + "-lost",
                    RawItemCodec.write(item(intake + "-lost", "{}")))).get(10, TimeUnit.SECONDS);
            dying.send(new ProducerRecord<>(Topics.MONITORING_INTAKE_CURSORS, intake, "cursor-2"))
                    .get(10, TimeUnit.SECONDS);
            // ... and it dies here: no commit, no abort. The records are on the broker, in an open transaction.

            // A fresh sink (another replica's, or this one's after a restart) starts the intake again.
            KafkaIntakeSink next = new KafkaIntakeSink(sinkConfig(), sinkSettings(), "monitoring-service");
            try {
                assertThat(next.cursor(intake)).contains("cursor-1");
                next.write(intake, List.of(item(intake + "-next", "{}")), "cursor-3");
                assertThat(next.cursor(intake)).contains("cursor-3");
            } finally {
                next.close();
            }
            assertThat(rawKeys(intake)).containsExactlyInAnyOrder(intake + "-kept", intake + "-next");
            // The dead writer, should it wake up, can no longer write anything.
            assertThatThrownBy(dying::commitTransaction).isInstanceOf(RuntimeException.class);
        } finally {
            dying.close(Duration.ZERO);
        }
    }

    @Test
    void aDeliveryCompletesOnceTheBrokerHasEveryItem() throws Exception {
        String prefix = "webhook-" + UUID.randomUUID();
        sink.deliver(List.of(item(prefix + "-1", "{}"), item(prefix + "-2", "{}"))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertThat(rawKeys(prefix)).containsExactlyInAnyOrder(prefix + "-1", prefix + "-2");
    }

    @Inject
    @io.smallrye.common.annotation.Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    IntakeConfig intakeConfig;

    private Map<String, Object> sinkConfig() {
        return kafkaConfig;
    }

    private IntakeConfig sinkSettings() {
        return intakeConfig;
    }
}
