package org.clearpost.support.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clearpost.infra.FreePort;
import org.clearpost.infra.KafkaBroker;
import org.clearpost.infra.PostgresServer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL with the outbox table (service-support's own migration) and a real Kafka broker, for the relay's
 * tests and its benchmark. The broker can be stopped and started again on the same port and data.
 */
final class OutboxRig implements AutoCloseable {

    static final String SUPER_USER_PASSWORD = "outbox-rig-" + UUID.randomUUID().toString().replace("-", "");

    private final Path kafkaDir;
    private final int kafkaPort;
    private final PostgresServer postgres;
    private volatile KafkaBroker kafka;
    final PGSimpleDataSource dataSource;

    OutboxRig() throws IOException, SQLException {
        kafkaDir = Files.createTempDirectory("outbox-rig-kafka");
        kafkaPort = FreePort.pick();
        postgres = PostgresServer.start(null, 0);
        postgres.ensureDatabase("outbox");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("outbox"));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setReWriteBatchedInserts(true);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                InputStream migration = OutboxRig.class.getResourceAsStream("/db/support/V0_1__outbox_and_inbox.sql")) {
            statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
        startKafka();
    }

    void startKafka() {
        kafka = KafkaBroker.start(kafkaDir, kafkaPort, SUPER_USER_PASSWORD);
    }

    void stopKafka() {
        kafka.close();
    }

    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(kafka.superUserClientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** A producer configuration (bootstrap and login) without the relay's settings. */
    Map<String, Object> clientConfig() {
        return new HashMap<>(kafka.superUserClientConfig());
    }

    /**
     * Inserts {@code count} outbox rows for {@code topic}, committed 1,000 at a time. Row {@code i} belongs to key {@code "key-" + i % keys} and carries
     * {@code "n": i} in its payload, padded to about {@code payloadBytes}.
     */
    void insert(String topic, int from, int count, int keys, int payloadBytes) throws SQLException {
        java.util.Random random = new java.util.Random(from);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, topic, payload, occurred_at)
                        VALUES (?, 'bench', ?, 'org.clearpost.bench.Happened', ?, ?::jsonb, ?)""")) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = from; i < from + count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "key-" + (i % keys));
                insert.setString(3, topic);
                insert.setString(4, "{\"n\":" + i + ",\"key\":\"key-" + (i % keys) + "\",\"text\":\""
                        + words(random, payloadBytes - 60) + "\"}");
                insert.setTimestamp(5, now);
                insert.addBatch();
                if ((i - from + 1) % 1000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static final String[] WORDS = ("thank you for the update on subject access requests when will new "
            + "guidance apply to our council office please reply about bins parking library hours consultation "
            + "planning school transport complaint form website broken link great work team residents meeting "
            + "tonight road closure flooding grant funding").split(" ");

    /**
     * Words drawn at random, about {@code length} characters: compresses about as well as real text does (a repeated
     * character would make lz4 look better than it is).
     */
    static String words(java.util.Random random, int length) {
        StringBuilder text = new StringBuilder(Math.max(0, length) + 16);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString().strip();
    }

    long outboxSize() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every record on the topic, partition by partition up to its end offset. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.putAll(kafka.superUserClientConfig());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 2 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
