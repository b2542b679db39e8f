package org.clearpost.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka as binary-mode CloudEvents and deletes them: {@code clearpost.outbox.relays}
 * threads, each owning one slot of the aggregate keys, each shipping whole batches ({@link OutboxShipper}: one read,
 * sends without waiting, one flush, one set-based delete). Delivery is at least once (a crash between the broker's
 * ack and the delete resends a batch); consumers drop repeats by event id. Each slot's advisory lock makes one thread
 * in the whole service relay it at a time, which keeps each aggregate's events in order; several replicas share the
 * slots (a replica's thread relays its slot whenever the other replicas' do not hold it).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String source;
    private final Counter relayed;
    private final Counter failures;
    private KafkaProducer<String, String> producer;
    private OutboxShipper shipper;
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
        shipper = new OutboxShipper(producer, source, config.batchSize(), config.relays(), config.sendTimeout());
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(config.relays(),
                r -> new Thread(r, "outbox-relay-" + threads.getAndIncrement()));
        for (int slot = 0; slot < config.relays(); slot++) {
            int owned = slot;
            executor.scheduleWithFixedDelay(() -> drain(owned), 0, config.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
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
        props.putAll(OutboxShipper.producerSettings(config.sendTimeout()));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(source.lastIndexOf('/') + 1) + "-outbox");
        return props;
    }

    /** Relays the slot's batches until it is empty; errors are logged and retried on the next tick. */
    private void drain(int slot) {
        try {
            while (relayBatch(slot) == config.batchSize()) {
                // a full batch: there may be more waiting
            }
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("Outbox relay (slot %d) will retry: %s", slot, e.getMessage());
        }
    }

    /** Relays one batch of every slot, each in its own transaction; returns how many rows it relayed. For tests. */
    public int relayBatch() {
        int total = 0;
        for (int slot = 0; slot < config.relays(); slot++) {
            total += relayBatch(slot);
        }
        return total;
    }

    /**
     * Relays one batch of one slot in one transaction; returns how many rows it relayed. The rows the broker
     * acknowledged are deleted even when others failed; the failure is then thrown, and the rest retried.
     */
    private int relayBatch(int slot) {
        OutboxShipper.Shipped shipped = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return shipper.ship(connection, slot);
            }
        });
        relayed.increment(shipped.relayed());
        if (shipped.firstFailure() != null) {
            throw new IllegalStateException(shipped.failed() + " of the batch not acknowledged: "
                    + shipped.firstFailure(), shipped.firstFailure());
        }
        return shipped.relayed();
    }
}
