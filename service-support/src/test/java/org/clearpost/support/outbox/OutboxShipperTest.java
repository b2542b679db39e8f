package org.clearpost.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's guarantees on a real broker and a real PostgreSQL: order per aggregate key with several relay threads
 * and two replicas contending for the same slots while services keep committing, and no event lost when the broker
 * goes away in the middle of batches.
 */
class OutboxShipperTest {

    private static final Pattern N = Pattern.compile("\"n\": ?(\\d+)");
    private static OutboxRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new OutboxRig();
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void twoReplicasOfFourRelaysKeepEveryKeysOrderWhileRowsAreCommitted() throws Exception {
        String topic = "clearpost.test.ordering";
        rig.createTopic(topic, 6);
        int total = 20_000;
        Map<String, Object> producer = rig.clientConfig();
        producer.putAll(OutboxShipper.producerSettings(Duration.ofSeconds(30)));
        try (RelayRunner relays = new RelayRunner(rig.dataSource, producer, 2, 4, 500, Duration.ofSeconds(30),
                Duration.ofMillis(5)).start()) {
            // Committed while the relays run, 1,000 rows a transaction, as services would.
            rig.insert(topic, 0, total, 97, 200);
            assertThat(relays.awaitRelayed(total, Duration.ofMinutes(3))).as("all relayed").isTrue();
            assertThat(relays.failedBatches.get()).isZero();
        }
        assertThat(rig.outboxSize()).isZero();

        List<ConsumerRecord<String, String>> records = rig.readAll(topic);
        assertThat(records).hasSizeGreaterThanOrEqualTo(total);
        assertEveryKeyInOrderAndNothingLost(records, total);
    }

    @Test
    void aBrokerStoppedInTheMiddleOfBatchesLosesNothingAndKeepsOrder() throws Exception {
        String topic = "clearpost.test.broker-away";
        rig.createTopic(topic, 6);
        int total = 30_000;
        rig.insert(topic, 0, total, 50, 600);
        Map<String, Object> producer = rig.clientConfig();
        producer.putAll(OutboxShipper.producerSettings(Duration.ofSeconds(4)));
        producer.put("reconnect.backoff.max.ms", 500);
        long relayedWhenStopped;
        long outboxWhileAway;
        long failedWhileAway;
        try (RelayRunner relays = new RelayRunner(rig.dataSource, producer, 1, 4, 200, Duration.ofSeconds(4),
                Duration.ofMillis(20)).start()) {
            assertThat(relays.awaitRelayed(2_000, Duration.ofMinutes(2))).isTrue();
            rig.stopKafka();
            relayedWhenStopped = relays.relayed.get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (relays.failedBatches.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            failedWhileAway = relays.failedBatches.get();
            outboxWhileAway = rig.outboxSize();
            rig.startKafka();
            assertThat(relays.awaitRelayed(total, Duration.ofMinutes(3))).as("all relayed after the broker came back")
                    .isTrue();
        }
        assertThat(relayedWhenStopped).as("stopped in the middle").isLessThan(total);
        assertThat(failedWhileAway).as("batches failed while the broker was away").isPositive();
        assertThat(outboxWhileAway).as("rows kept while the broker was away").isPositive();
        assertThat(rig.outboxSize()).isZero();
        assertEveryKeyInOrderAndNothingLost(rig.readAll(topic), total);
    }

    /**
     * Counting each event once (its first record; a resent batch repeats ids, which consumers drop), every row
     * 0..total-1 arrived, and each key's rows arrived in the order they were committed.
     */
    private static void assertEveryKeyInOrderAndNothingLost(List<ConsumerRecord<String, String>> records, int total) {
        Set<String> seenIds = new HashSet<>();
        Set<Integer> seenRows = new HashSet<>();
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
            if (!seenIds.add(id)) {
                continue;
            }
            Matcher n = N.matcher(record.value());
            assertThat(n.find()).isTrue();
            int row = Integer.parseInt(n.group(1));
            seenRows.add(row);
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(row);
        }
        assertThat(seenRows).as("every row relayed").hasSize(total);
        assertThat(seenIds).hasSize(total);
        byKey.forEach((key, rows) -> assertThat(rows).as("order of " + key).isSorted());
    }
}
