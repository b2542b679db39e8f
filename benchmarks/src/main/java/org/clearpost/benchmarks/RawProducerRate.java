package org.clearpost.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.KafkaAccess;
import org.clearpost.local.LocalPlatform;

/**
 * The most the platform's broker takes from one producer: records the size of a mention's JSON, keyed like mentions,
 * sent all at once and flushed, with the settings the outbox relay uses (acks=all, idempotent, lz4, linger 10 ms,
 * 256 KiB batches). The ceiling the pipeline's rate is compared with.
 */
final class RawProducerRate {

    static final String TOPIC = "clearpost.benchmark.raw-producer";
    private static final int PARTITIONS = 6;

    private RawProducerRate() {
    }

    /** Records per second, the best of two runs after a warm-up. */
    static double measure(LocalPlatform platform, int records, int bytes) throws Exception {
        Map<String, Object> admin = new HashMap<>(platform.kafkaClientConfig(KafkaAccess.ADMIN));
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Map<String, Object> config = new HashMap<>(admin);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            run(producer, Math.max(1, records / 10), bytes);
            return Math.max(run(producer, records, bytes), run(producer, records, bytes));
        }
    }

    private static double run(KafkaProducer<String, String> producer, int records, int bytes) throws Exception {
        List<ProducerRecord<String, String>> batch = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String key = UUID.randomUUID().toString();
            batch.add(new ProducerRecord<>(TOPIC, key, MentionJson.mention(key, "raw-" + i, bytes)));
        }
        long start = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records);
        for (ProducerRecord<String, String> record : batch) {
            acks.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        return records / ((System.nanoTime() - start) / 1e9);
    }
}
