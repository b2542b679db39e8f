package org.clearpost.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka as binary-mode CloudEvents, in commit order, then deletes them. Delivery is at
 * least once (a crash between the broker's ack and the delete resends a batch); consumers drop repeats by event id.
 * A PostgreSQL advisory lock makes one replica the relay at a time, which keeps each aggregate's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every replica of a service (each service has its own database). */
    private static final long RELAY_LOCK = 7_239_118_113L;

    private static final String SELECT_BATCH = """
            SELECT id, aggregateid, type, topic, payload::text, occurred_at
            FROM outbox_event ORDER BY seq LIMIT ?""";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String source;
    private final Counter relayed;
    private final Counter failures;
    private KafkaProducer<String, String> producer;
    private ScheduledExecutorService executor;

    public OutboxRelay(DataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.source = "/clearpost/" + applicationName;
        this.relayed = registry.counter("clearpost.outbox.relayed");
        this.failures = registry.counter("clearpost.outbox.relay.failures");
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(producerConfig());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::drain, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(config.sendTimeout().toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 15_000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(source.lastIndexOf('/') + 1) + "-outbox");
        return props;
    }

    /** Relays batches until the outbox is empty; errors are logged and retried on the next tick. */
    private void drain() {
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch: there may be more waiting
            }
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    /** Relays one batch in one transaction; returns how many rows it relayed. Visible for tests. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryRelayLock(connection)) {
                    return 0;
                }
                List<UUID> sent = send(connection);
                delete(connection, sent);
                relayed.increment(sent.size());
                return sent.size();
            }
        });
    }

    private List<UUID> send(Connection connection) throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    ids.add(id);
                    acks.add(producer.send(CloudEventRecords.record(id, rows.getString(2), rows.getString(3),
                            rows.getString(4), source, rows.getTimestamp(6).toInstant(), rows.getString(5))));
                }
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        return ids;
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void delete(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }
}
