package org.clearpost.support.outbox;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ships one batch of one slot of the outbox inside the caller's database transaction: reads the slot's oldest rows,
 * sends them all without waiting, flushes once, waits for the acknowledgements and deletes the rows the broker
 * acknowledged in one statement. Plain JDBC and a plain {@link Producer}, so {@link OutboxRelay} runs it in its
 * threads and the tests and the benchmark drive it directly.
 *
 * <p>Guarantees, and what gives each:
 * <ul>
 * <li>an event leaves only after its transaction committed: the relay reads committed rows only;</li>
 * <li>never lost: a row is deleted only in the transaction that saw the broker acknowledge it ({@code acks=all},
 * idempotent producer); a batch whose sends fail or time out keeps those rows for the next attempt;</li>
 * <li>order per aggregate key: all rows of a key fall in one slot ({@code hashtext(aggregateid)} mod slots), a slot
 * is relayed by one thread at a time in the whole service (transaction-scoped advisory lock of the slot), rows go out
 * in {@code seq} order through an idempotent producer (order kept per partition across retries), and the next batch
 * of a slot starts only after the previous one was acknowledged;</li>
 * <li>at least once: a crash between acknowledgement and commit sends the batch again; consumers drop repeats by
 * event id ({@code EventInbox}).</li>
 * </ul>
 */
public final class OutboxShipper {

    /**
     * The advisory lock the relay took before slots existed (one relay per service). Every slot holder takes it
     * shared, so a replica still running the old relay (which takes it exclusively) and a new one never relay at the
     * same time during a rolling upgrade.
     */
    static final long WHOLE_OUTBOX_LOCK = 7_239_118_113L;
    /** First key of the two-key advisory locks of the slots; the second is {@code slots * 1000 + slot}. */
    static final int SLOT_LOCK_CLASS = 723_911;

    private static final String SELECT_ALL = """
            SELECT seq, id, aggregateid, type, topic, payload::text, occurred_at
            FROM outbox_event ORDER BY seq LIMIT ?""";
    // hashtext is PostgreSQL's own stable string hash; masked to be non-negative before the modulo.
    private static final String SELECT_SLOT = """
            SELECT seq, id, aggregateid, type, topic, payload::text, occurred_at
            FROM outbox_event WHERE (hashtext(aggregateid) & 2147483647) % ? = ? ORDER BY seq LIMIT ?""";

    /** What one call relayed: rows acknowledged and deleted, rows left for the next attempt, and why. */
    public record Shipped(boolean slotTaken, int relayed, int failed, Exception firstFailure) {

        static final Shipped SLOT_BUSY = new Shipped(false, 0, 0, null);
    }

    private final Producer<String, String> producer;
    private final String source;
    private final int batchSize;
    private final int slots;
    private final Duration sendTimeout;

    /**
     * @param slots how many slots the outbox is cut into (every replica of a service must use the same number); 1
     *              for one relay at a time over the whole outbox
     */
    public OutboxShipper(Producer<String, String> producer, String source, int batchSize, int slots,
            Duration sendTimeout) {
        if (batchSize < 1 || slots < 1 || slots > 999) {
            throw new IllegalArgumentException("batch size must be at least 1 and slots 1-999");
        }
        this.producer = producer;
        this.source = source;
        this.batchSize = batchSize;
        this.slots = slots;
        this.sendTimeout = sendTimeout;
    }

    public int slots() {
        return slots;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * The producer settings for throughput without giving up order or durability: every replica acknowledges
     * ({@code acks=all}), retries cannot reorder or duplicate within a partition (idempotence), and records wait up
     * to 10 ms to travel in large lz4-compressed batches (a relay sends a whole outbox batch at once, then flushes,
     * so the wait only applies to what trickles in).
     */
    public static Map<String, Object> producerSettings(Duration sendTimeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(sendTimeout.toMillis() / 2, 15_000));
        return props;
    }

    /**
     * Relays up to one batch of {@code slot} in the connection's current transaction, which the caller commits (also
     * when some rows failed: the acknowledged ones are deleted, the rest stay). Returns {@link Shipped#SLOT_BUSY} if
     * another thread or replica holds the slot.
     */
    public Shipped ship(Connection connection, int slot) throws SQLException, InterruptedException {
        if (!lockSlot(connection, slot)) {
            return Shipped.SLOT_BUSY;
        }
        List<Long> seqs = new ArrayList<>(batchSize);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batchSize);
        Exception firstFailure = null;
        try (PreparedStatement select = connection.prepareStatement(slots == 1 ? SELECT_ALL : SELECT_SLOT)) {
            if (slots == 1) {
                select.setInt(1, batchSize);
            } else {
                select.setInt(1, slots);
                select.setInt(2, slot);
                select.setInt(3, batchSize);
            }
            select.setFetchSize(batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                    try {
                        acks.add(producer.send(CloudEventRecords.record(rows.getObject(2, java.util.UUID.class),
                                rows.getString(3), rows.getString(4), rows.getString(5), source,
                                rows.getTimestamp(7).toInstant(), rows.getString(6))));
                    } catch (RuntimeException e) {
                        // send() itself refused (buffer exhausted past max.block.ms, producer closed): this row
                        // and the rest of the batch wait for the next attempt.
                        seqs.remove(seqs.size() - 1);
                        firstFailure = e;
                        break;
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return new Shipped(true, 0, 0, firstFailure);
        }
        // One flush for the whole batch: everything goes out now rather than after linger.ms.
        producer.flush();
        List<Long> acknowledged = new ArrayList<>(seqs.size());
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(seqs.get(i));
            } catch (ExecutionException | TimeoutException e) {
                if (firstFailure == null) {
                    firstFailure = e instanceof ExecutionException && e.getCause() instanceof Exception cause
                            ? cause : e;
                }
            }
        }
        delete(connection, acknowledged);
        return new Shipped(true, acknowledged.size(), seqs.size() - acknowledged.size(), firstFailure);
    }

    private boolean lockSlot(Connection connection, int slot) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock_shared(?) AND pg_try_advisory_xact_lock(?, ?)")) {
            lock.setLong(1, WHOLE_OUTBOX_LOCK);
            lock.setInt(2, SLOT_LOCK_CLASS);
            lock.setInt(3, slots * 1000 + slot);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Set-based: one statement for the whole batch, by the unique seq (an int8 array is cheaper than uuids). */
    private static void delete(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE seq = ANY (?)")) {
            Array array = connection.createArrayOf("int8", seqs.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
            array.free();
        }
    }
}
