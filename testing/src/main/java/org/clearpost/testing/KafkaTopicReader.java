package org.clearpost.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clearpost.events.KafkaAccess;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads a topic from its very beginning with a fresh consumer group, so a test sees everything ever published,
 * whatever other consumers have committed. Keys and values are strings; headers are kept.
 */
public final class KafkaTopicReader {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The readers' consumer groups start with the analyst's prefix, so a reader may log in as the read-only
     * analyst (as the e2e tests do) as well as the super user.
     */
    static final String GROUP_PREFIX = KafkaAccess.ANALYST_GROUP_PREFIX + "test-reader-";

    private final Map<String, ?> clientConfig;

    /** @param clientConfig bootstrap servers and SASL login, e.g. {@link RealInfrastructure#kafkaSuperUserConfig()} */
    public KafkaTopicReader(Map<String, ?> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * Connects to the shared test broker as its super user, so it reads any topic, including ones the service
     * under test may only write.
     */
    public static KafkaTopicReader fromConfig() {
        return new KafkaTopicReader(RealInfrastructure.kafkaSuperUserConfig());
    }

    /**
     * Waits until at least one record of {@code topic} matches, then returns every matching record read so far.
     *
     * @throws AssertionError after {@code timeout}, listing what the topic did contain
     */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
                                                              Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = subscribedTo(topic)) {
            do {
                consumer.poll(POLL).forEach(seen::add);
                List<ConsumerRecord<String, String>> matches = seen.stream().filter(matching).toList();
                if (!matches.isEmpty()) {
                    return matches;
                }
            } while (Instant.now().isBefore(deadline));
        }
        throw new AssertionError("no record on topic '%s' matched within %s; it held %d record(s):%n%s"
                .formatted(topic, timeout, seen.size(), describe(seen)));
    }

    /**
     * Every record {@code topic} holds, read until nothing new arrives for {@code quietPeriod}. The quiet period starts
     * once the consumer has its partitions: on a loaded machine joining the group alone can outlast it, and an
     * unassigned consumer would report an empty topic.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration quietPeriod) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = subscribedTo(topic)) {
            Instant joinDeadline = Instant.now().plus(ASSIGNMENT_TIMEOUT);
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(joinDeadline)) {
                consumer.poll(POLL).forEach(records::add);
            }
            Instant quietUntil = Instant.now().plus(quietPeriod);
            while (Instant.now().isBefore(quietUntil)) {
                int before = records.size();
                consumer.poll(POLL).forEach(records::add);
                if (records.size() > before) {
                    quietUntil = Instant.now().plus(quietPeriod);
                }
            }
        }
        return records;
    }

    /** The value of the last header named {@code key}, or null. */
    public static String header(ConsumerRecord<?, ?> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> subscribedTo(String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed records: a test should see what the services' consumers would see.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static String describe(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> "  key=%s headers=%s value=%s".formatted(r.key(), headersOf(r), r.value()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8),
                        (first, last) -> last, LinkedHashMap::new));
    }
}
