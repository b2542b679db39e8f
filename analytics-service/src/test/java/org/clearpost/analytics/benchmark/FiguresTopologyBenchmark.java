package org.clearpost.analytics.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.clearpost.analytics.engagement.CampaignReportTopology;
import org.clearpost.analytics.engagement.EngagementTopology;
import org.clearpost.analytics.mentions.MentionsHourlyTopology;
import org.clearpost.analytics.mentions.ResponseTimesTopology;
import org.clearpost.analytics.posts.ClearanceTurnaroundTopology;
import org.clearpost.analytics.posts.PostActivityTopology;
import org.clearpost.analytics.posts.PreElectionReportTopology;
import org.clearpost.analytics.stream.AnalyticsTopology;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostActivity;
import org.clearpost.infra.FreePort;
import org.clearpost.infra.KafkaBroker;

/**
 * Issue 12's benchmark: events per second through the whole figures topology (every part, exactly once v2, as
 * analytics runs it), next to the raw consumer rate of the same broker in the same run (a plain consumer reading the
 * same records as strings, read_committed). Runs a broker of its own in this JVM, on localhost and a free port;
 * bounded by {@code bench.events} and {@code bench.patience}. Prints the figures and writes them to
 * {@code target/analytics-figures.md}; exits 2 if the topology did not take every event or its figures are wrong.
 *
 * <p>{@code ./mvnw -B -ntp -o -pl analytics-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.clearpost.analytics.benchmark.FiguresTopologyBenchmark [-Dbench.events=200000]}
 */
public final class FiguresTopologyBenchmark {

    private FiguresTopologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 200_000);
        int threads = Integer.getInteger("bench.threads", 2);
        Duration patience = Duration.ofSeconds(Long.getLong("bench.patience", 600));
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.WARNING);
        }
        Path dir = Files.createTempDirectory("clearpost-analytics-bench");
        String password = UUID.randomUUID().toString();
        List<String> report = new ArrayList<>();
        boolean ok;
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), FreePort.pick(), password)) {
            Map<String, Object> client = new HashMap<>(broker.superUserClientConfig());
            try (Admin admin = Admin.create(client)) {
                List<NewTopic> topics = new ArrayList<>();
                Topics.ALL.forEach(topic -> topics.add(new NewTopic(topic, 3, (short) 1)));
                for (FigureType type : FigureType.values()) {
                    topics.add(new NewTopic(type.topic(), 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
                }
                topics.add(new NewTopic(AnalyticsTopology.DEAD_LETTER_TOPIC, 1, (short) 1));
                admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            }
            // Ending 6 h ago: a clearance, an answer or a sample comes up to hours after what it follows, and the broker
            // refuses records stamped more than an hour ahead (log.message.timestamp.after.max.ms)
            EventMix mix = new EventMix(Instant.now().minus(Duration.ofDays(20)), Duration.ofDays(20).minusHours(6),
                    events);
            List<ProducerRecord<String, String>> records = mix.records();
            System.out.printf("[bench] %,d events (%,d posts, %,d mentions) ...%n", records.size(), mix.posts(),
                    mix.mentions());
            double produced = produce(client, records);
            System.out.printf("[bench] produced: %,.0f records/s%n", produced);
            double raw = Math.max(rawConsume(client, records.size()), rawConsume(client, records.size()));
            System.out.printf("[bench] raw consumer: %,.0f records/s%n", raw);
            Run run = topology(client, dir, records.size(), threads, patience);
            System.out.printf("[bench] figures topology: %,.0f events/s (%s)%n", run.perSecond(),
                    run.complete() ? "all taken" : "INCOMPLETE");
            long drafted = run.drafted();
            ok = run.complete() && drafted == mix.draftedTargets();
            report.add("| figure | value |");
            report.add("|---|---|");
            report.add(String.format("| events (posts / mentions) | %,d (%,d / %,d) |", records.size(), mix.posts(),
                    mix.mentions()));
            report.add(String.format("| raw consumer, same broker, same records (best of 2) | %,.0f records/s |", raw));
            report.add(String.format("| figures topology, %d stream threads, exactly_once_v2 | %,.0f events/s (%.1f%% of raw) |",
                    threads, run.perSecond(), 100 * run.perSecond() / raw));
            report.add(String.format("| time to take every event | %.1f s%s |", run.seconds(),
                    run.complete() ? "" : " (INCOMPLETE)"));
            report.add(String.format("| check: drafted target versions in post-activity | %,d of %,d |", drafted,
                    mix.draftedTargets()));
        }
        System.out.println();
        report.forEach(System.out::println);
        Path figures = Path.of("target", "analytics-figures.md");
        Files.createDirectories(figures.getParent());
        Files.write(figures, report);
        System.exit(ok ? 0 : 2);
    }

    private static double produce(Map<String, Object> client, List<ProducerRecord<String, String>> records)
            throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(producer::send);
            producer.flush();
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** A plain consumer, its own group, reading every input record as strings: the broker's ceiling. */
    private static double rawConsume(Map<String, Object> client, int expected) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Topics.ALL);
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < expected && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                for (var record : batch) {
                    bytes += record.value().length();
                    read++;
                }
            }
            if (read < expected) {
                throw new IllegalStateException("The raw consumer read only " + read + " of " + expected);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] raw consumer read %,.1f MB%n", bytes / 1e6);
            return read / seconds;
        }
    }

    record Run(double seconds, boolean complete, long drafted, long events) {
        double perSecond() {
            return events / seconds;
        }
    }

    private static Run topology(Map<String, Object> client, Path dir, int expected, int threads, Duration patience)
            throws Exception {
        String applicationId = "analytics-service-bench";
        Properties props = new Properties();
        client.forEach((key, value) -> props.put(key, value));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        var topology = AnalyticsTopology.build(List.of(PostActivityTopology.withDefaults(),
                ClearanceTurnaroundTopology.withDefaults(), PreElectionReportTopology.withDefaults(),
                MentionsHourlyTopology.withDefaults(), new ResponseTimesTopology(), new EngagementTopology(),
                new CampaignReportTopology()));
        try (KafkaStreams streams = new KafkaStreams(topology, props); Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : Topics.ALL) {
                for (int p = 0; p < 3; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(30, TimeUnit.SECONDS);
            streams.setUncaughtExceptionHandler(failure -> {
                System.out.println("[bench] the topology failed: " + failure);
                failure.printStackTrace(System.out);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            long total = ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            long start = System.nanoTime();
            long lastReport = start;
            streams.start();
            boolean complete = false;
            long taken = 0;
            while (System.nanoTime() - start < patience.toNanos()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                taken = ends.keySet().stream().mapToLong(partition -> {
                    OffsetAndMetadata at = committed.get(partition);
                    return at == null ? 0 : Math.min(at.offset(), ends.get(partition).offset());
                }).sum();
                // Every input record taken, and every record the topology sent itself through its repartition
                // topics taken too (a transactional topic's end is one commit marker past its last record)
                complete = taken >= total && repartitionLag(admin, committed) == 0;
                if (complete || streams.state() == KafkaStreams.State.ERROR
                        || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                    break;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
                    lastReport = System.nanoTime();
                    System.out.printf("[bench]   %s, %,d of %,d offsets taken after %.0f s%n", streams.state(), taken,
                            total, (lastReport - start) / 1e9);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(seconds, complete, complete ? drafted(streams) : -1, complete ? expected : taken);
        }
    }

    /** Records in the topology's repartition topics not yet taken (the commit marker after the last one aside). */
    private static long repartitionLag(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed)
            throws Exception {
        Map<TopicPartition, OffsetSpec> repartitions = new HashMap<>();
        committed.keySet().stream().filter(partition -> partition.topic().endsWith("-repartition"))
                .forEach(partition -> repartitions.put(partition, OffsetSpec.latest()));
        if (repartitions.isEmpty()) {
            return 1;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(repartitions,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(
                        org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset() - 1);
        }
        return lag;
    }

    private static long drafted(KafkaStreams streams) throws InterruptedException {
        String store = FigureStores.storeName(FigureType.POST_ACTIVITY);
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                ReadOnlyKeyValueStore<String, Figure> rows = streams.store(
                        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Figure>keyValueStore()));
                long drafted = 0;
                try (KeyValueIterator<String, Figure> all = rows.all()) {
                    while (all.hasNext()) {
                        drafted += ((PostActivity) all.next().value).drafted();
                    }
                }
                return drafted;
            } catch (RuntimeException notReady) {
                Thread.sleep(200);
            }
        }
        return -1;
    }
}
