package org.clearpost.monitoring.intake;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The raw-mentions topic as intakes see it.
 * <ul>
 * <li>A reading intake gets its own transactional producer, {@code transactional.id = <principal>-intake-<name>}:
 * each batch and the intake's new cursor are one Kafka transaction, so the cursor never passes an item that is not
 * durable, and an item is never visible without the cursor that follows it. The id is the intake's, not the
 * replica's: when another replica takes the intake over, its producer's {@code initTransactions} fences this one
 * (any later write here fails) and aborts whatever batch it left open.</li>
 * <li>Webhooks share one idempotent, non-transactional producer ({@code acks=all}); a delivery completes when every
 * record of it is acknowledged by all in-sync replicas.</li>
 * </ul>
 * The producers log in with the service's {@code kafka.*} settings (SASL as {@code monitoring-service}, whose grants
 * include transactional ids with its name as prefix: the contract's {@code KafkaAccess}).
 */
@ApplicationScoped
public class KafkaIntakeSink implements IntakeSink {

    private static final Logger LOG = Logger.getLogger(KafkaIntakeSink.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> kafkaConfig;
    private final IntakeConfig config;
    private final String principal;
    private final Map<String, KafkaProducer<String, String>> transactional = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> shared;

    public KafkaIntakeSink(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IntakeConfig config,
            @ConfigProperty(name = "clearpost.kafka.username") String principal) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.principal = principal;
    }

    /** The transactional id of {@code intake}'s producer: the same on every replica, so only one can write. */
    public String transactionalId(String intake) {
        return principal + "-intake-" + intake;
    }

    @Override
    public void write(String intake, List<RawItem> items, String cursor) {
        KafkaProducer<String, String> producer = transactionalProducer(intake);
        try {
            producer.beginTransaction();
            for (RawItem item : items) {
                producer.send(record(item));
            }
            if (cursor != null) {
                producer.send(new ProducerRecord<>(Topics.MONITORING_INTAKE_CURSORS, intake, cursor));
            }
            // Flushes, and fails if any send failed: then nothing of the batch, cursor included, becomes visible.
            producer.commitTransaction();
        } catch (RuntimeException e) {
            discard(intake, producer, true);
            throw e;
        }
    }

    @Override
    public Optional<String> cursor(String intake) {
        // Initialising the intake's producer first aborts any batch a previous run (here or on a replica that died)
        // left open; until then the cursor topic's last stable offset would stop short of it and the read would wait.
        transactionalProducer(intake);
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, principal + "-cursor-" + intake);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MONITORING_INTAKE_CURSORS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, so an open transaction cannot be read past.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(config.cursorReadTimeout());
            String cursor = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the cursor of intake " + intake + " within "
                            + config.cursorReadTimeout());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (intake.equals(record.key())) {
                        cursor = record.value();
                    }
                }
            }
            return Optional.ofNullable(cursor);
        }
    }

    @Override
    public CompletionStage<Void> deliver(List<RawItem> items) {
        KafkaProducer<String, String> producer = sharedProducer();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[items.size()];
        for (int i = 0; i < items.size(); i++) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks[i] = ack;
            try {
                producer.send(record(items.get(i)), (metadata, failure) -> {
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
        }
        return CompletableFuture.allOf(acks);
    }

    private static ProducerRecord<String, String> record(RawItem item) {
        return new ProducerRecord<>(Topics.MONITORING_RAW_MENTIONS, item.key(), RawItemCodec.write(item));
    }

    private KafkaProducer<String, String> transactionalProducer(String intake) {
        return transactional.computeIfAbsent(intake, name -> {
            Map<String, Object> props = producerConfig(principal + "-intake-" + name);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(name));
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
            KafkaProducer<String, String> producer = new KafkaProducer<>(props);
            try {
                producer.initTransactions();
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
            return producer;
        });
    }

    private KafkaProducer<String, String> sharedProducer() {
        KafkaProducer<String, String> producer = shared;
        if (producer == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = new KafkaProducer<>(producerConfig(principal + "-webhooks"));
                }
                producer = shared;
            }
        }
        return producer;
    }

    private Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Throughput: many small records (a mention is about 1 KB) per request, compressed. Snappy, not lz4: the lz4
        // library Kafka uses is pure Java since its CVE-2025-12183 fix, and issue 11's profile of the intake benchmark
        // found half of monitoring's CPU samples in it (snappy-java is native; 1.5x lz4's rate even when lz4 is JITted).
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRequestSize());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /**
     * Drops a producer after a failed batch: the open transaction is aborted if the producer can still do so (a
     * fenced one cannot, and its batch was aborted by whoever fenced it), and the next write starts a new producer.
     */
    private void discard(String intake, KafkaProducer<String, String> producer, boolean abort) {
        transactional.remove(intake, producer);
        if (abort) {
            try {
                producer.abortTransaction();
            } catch (KafkaException | IllegalStateException e) {
                LOG.debugf("Intake %s: could not abort its transaction (%s); the next producer's start will",
                        intake, e.getMessage());
            }
        }
        producer.close(CLOSE_TIMEOUT);
    }

    @PreDestroy
    void close() {
        transactional.forEach((intake, producer) -> discard(intake, producer, false));
        if (shared != null) {
            shared.close(CLOSE_TIMEOUT);
        }
    }
}
