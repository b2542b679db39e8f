package org.clearpost.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * How fast the outbox drains, against how fast a bare producer writes the same records, in one run on one broker
 * and one PostgreSQL (docs/figures.md, "Outbox relay"). Not a test: a main class.
 *
 * <pre>
 * ./mvnw -B -q -pl service-support test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.clearpost.support.outbox.OutboxRelayBenchmark \
 *     [-Dbench.rows=100000 -Dbench.rounds=2 -Dbench.settings=200x1old,2000x1,2000x2,2000x4]
 * </pre>
 *
 * For each relay setting it inserts {@code bench.rows} outbox rows (payload about {@code bench.bytes}, over
 * {@code bench.keys} aggregate keys) with no relay running, then starts the relays and times until every row is
 * relayed and deleted. {@code 200x1old} is the relay as it was (batches of 200, one relay, linger 5 ms, no
 * compression); {@code 2000x4} batches of 2,000 with 4 relay threads and the new producer settings.
 */
public final class OutboxRelayBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    private static final int BYTES = Integer.getInteger("bench.bytes", 600);
    private static final int KEYS = Integer.getInteger("bench.keys", 1_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int PARTITIONS = 6;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private record Setting(String name, int batchSize, int slots, boolean oldProducer) {
    }

    public static void main(String[] args) throws Exception {
        // "200x1old" = batches of 200, 1 relay, the old producer settings; "2000x4" = batches of 2000, 4 relays.
        List<Setting> settings = new ArrayList<>();
        for (String spec : System.getProperty("bench.settings", "200x1old,2000x1,2000x2,2000x4").split(",")) {
            boolean old = spec.endsWith("old");
            String[] parts = spec.replace("old", "").split("x");
            int batch = Integer.parseInt(parts[0].trim());
            int slots = Integer.parseInt(parts[1].trim());
            settings.add(new Setting("batch %d, %d relay%s, %s".formatted(batch, slots, slots == 1 ? "" : "s",
                    old ? "old producer settings (linger 5 ms, no compression)" : "new producer settings"),
                    batch, slots, old));
        }
        List<String> lines = new ArrayList<>();
        try (OutboxRig rig = new OutboxRig()) {
            lines.add("rows %,d, payload ~%d bytes, %,d keys, %d partitions, cores %d; best of %d rounds".formatted(
                    ROWS, BYTES, KEYS, PARTITIONS, Runtime.getRuntime().availableProcessors(), ROUNDS));
            String rawTopic = "clearpost.bench.raw";
            rig.createTopic(rawTopic, PARTITIONS);
            rawProducer(rig, rawTopic, ROWS / 10); // warm-up
            double raw = 0;
            double[] best = new double[settings.size()];
            double[] insertRate = new double[settings.size()];
            long[] failed = new long[settings.size()];
            int topics = 0;
            // Rounds interleave the settings and the raw producer, so a load change on the machine hits them alike.
            for (int round = 0; round < ROUNDS; round++) {
                raw = Math.max(raw, rawProducer(rig, rawTopic, ROWS));
                System.out.printf("round %d: raw KafkaProducer %,.0f records/s%n", round + 1, raw);
                for (int i = 0; i < settings.size(); i++) {
                    Setting setting = settings.get(i);
                    String topic = "clearpost.bench.relay-" + topics++;
                    rig.createTopic(topic, PARTITIONS);
                    long insertStart = System.nanoTime();
                    rig.insert(topic, 0, ROWS, KEYS, BYTES);
                    insertRate[i] = Math.max(insertRate[i], ROWS / ((System.nanoTime() - insertStart) / 1e9));
                    Map<String, Object> producer = rig.clientConfig();
                    producer.putAll(setting.oldProducer() ? oldProducerSettings()
                            : OutboxShipper.producerSettings(SEND_TIMEOUT));
                    long start = System.nanoTime();
                    try (RelayRunner relays = new RelayRunner(rig.dataSource, producer, 1, setting.slots(),
                            setting.batchSize(), SEND_TIMEOUT, Duration.ofMillis(100)).start()) {
                        if (!relays.awaitRelayed(ROWS, Duration.ofMinutes(10))) {
                            throw new IllegalStateException("not drained in 10 minutes: " + setting);
                        }
                        double rate = ROWS / ((System.nanoTime() - start) / 1e9);
                        best[i] = Math.max(best[i], rate);
                        failed[i] += relays.failedBatches.get();
                        System.out.printf("round %d: %s: %,.0f events/s%n", round + 1, setting.name(), rate);
                    }
                }
            }
            lines.add("raw KafkaProducer, the same records, the relay's producer settings: %,.0f records/s"
                    .formatted(raw));
            for (int i = 0; i < settings.size(); i++) {
                lines.add("%s: %,.0f events/s (%.0f%% of raw, %.1fx the first; failed batches %d; rows inserted at %,.0f/s)"
                        .formatted(settings.get(i).name(), best[i], 100 * best[i] / raw, best[i] / best[0], failed[i],
                                insertRate[i]));
            }
        }
        System.out.println();
        System.out.println("Outbox relay benchmark, " + Instant.now());
        lines.forEach(System.out::println);
        System.exit(0);
    }

    /** The same CloudEvents records as the relay sends, straight from memory: send all, one flush. */
    private static double rawProducer(OutboxRig rig, String topic, int count) throws Exception {
        Map<String, Object> config = rig.clientConfig();
        config.putAll(OutboxShipper.producerSettings(SEND_TIMEOUT));
        java.util.Random random = new java.util.Random(count);
        List<ProducerRecord<String, String>> records = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            records.add(CloudEventRecords.record(UUID.randomUUID(), "key-" + (i % KEYS), "org.clearpost.bench.Happened",
                    topic, "/clearpost/bench", now,
                    "{\"n\":" + i + ",\"key\":\"key-" + (i % KEYS) + "\",\"text\":\""
                            + OutboxRig.words(random, BYTES - 60) + "\"}"));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(count);
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The relay's producer before this change. */
    private static Map<String, Object> oldProducerSettings() {
        Map<String, Object> props = OutboxShipper.producerSettings(SEND_TIMEOUT);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.remove(ProducerConfig.BATCH_SIZE_CONFIG);
        props.remove(ProducerConfig.COMPRESSION_TYPE_CONFIG);
        props.remove(ProducerConfig.BUFFER_MEMORY_CONFIG);
        return props;
    }
}
