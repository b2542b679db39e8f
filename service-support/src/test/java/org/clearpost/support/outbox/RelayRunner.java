package org.clearpost.support.outbox;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Runs relays as OutboxRelay does, without Quarkus: {@code replicas} processes' worth, each with its own producer and
 * one thread per slot, each thread shipping batches of its slot in local JDBC transactions and pausing when its slot
 * is empty or busy. For the tests and the benchmark.
 */
final class RelayRunner implements AutoCloseable {

    final AtomicLong relayed = new AtomicLong();
    final AtomicLong failedBatches = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Producer<String, String>> producers = new ArrayList<>();

    RelayRunner(DataSource dataSource, Map<String, Object> producerConfig, int replicas, int slots, int batchSize,
            Duration sendTimeout, Duration pollInterval) {
        for (int replica = 0; replica < replicas; replica++) {
            KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
            producers.add(producer);
            OutboxShipper shipper = new OutboxShipper(producer, "/clearpost/bench", batchSize, slots, sendTimeout);
            for (int slot = 0; slot < slots; slot++) {
                int owned = slot;
                Thread thread = new Thread(() -> loop(dataSource, shipper, owned, pollInterval),
                        "relay-" + replica + "-" + slot);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }
    }

    RelayRunner start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void loop(DataSource dataSource, OutboxShipper shipper, int slot, Duration pollInterval) {
        while (running.get()) {
            boolean full = false;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    OutboxShipper.Shipped shipped = shipper.ship(connection, slot);
                    connection.commit();
                    relayed.addAndGet(shipped.relayed());
                    if (!shipped.slotTaken()) {
                        busy.incrementAndGet();
                    }
                    if (shipped.firstFailure() != null) {
                        failedBatches.incrementAndGet();
                    }
                    full = shipped.firstFailure() == null && shipped.relayed() == shipper.batchSize();
                } catch (Exception e) {
                    connection.rollback();
                    failedBatches.incrementAndGet();
                }
            } catch (Exception e) {
                failedBatches.incrementAndGet();
            }
            if (!full) {
                sleep(pollInterval);
            }
        }
    }

    /** Waits until {@code total} rows were relayed, or the timeout; returns whether they were. */
    boolean awaitRelayed(long total, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (relayed.get() < total) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(2));
        }
        return true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        producers.forEach(p -> p.close(Duration.ofSeconds(5)));
    }
}
