package org.clearpost.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the platform's topics hold, read the way an auditor would: every partition from its first offset up to the
 * end offsets taken when the read began. Unlike testing's KafkaTopicReader (a consumer group, read until quiet) it
 * never mistakes a slow group join on a loaded machine for an empty topic, which here would hide dead letters.
 */
final class EventLog {

    /** Every consuming service's dead-letter topic, {@code clearpost.<service>.dead-letter}. */
    static final Pattern DEAD_LETTER_TOPICS = Pattern.compile("clearpost\\..+\\.dead-letter");
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /** The platform's Kafka client settings, taken at each use: the broker may have been restarted. */
    private final Supplier<Map<String, Object>> clientConfig;

    EventLog(Supplier<Map<String, Object>> clientConfig) {
        this.clientConfig = clientConfig;
    }

    /** Topic → records, for every existing topic whose name matches. */
    Map<String, List<ConsumerRecord<String, String>>> readAll(Pattern topics) {
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new TreeMap<>();
        for (String topic : topicNames(topics)) {
            byTopic.put(topic, readAll(topic));
        }
        return byTopic;
    }

    /** How many records each dead-letter topic holds (topics not created yet hold none). */
    Map<String, Integer> deadLetterCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        readAll(DEAD_LETTER_TOPICS).forEach((topic, records) -> counts.put(topic, records.size()));
        return counts;
    }

    /** Every record of the topic, from the start up to its end offsets as they are now; none if it does not exist. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The end offset of every partition of the Clearpost event topics, now. */
    Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(eventPartitions(consumer), Duration.ofSeconds(10));
        }
    }

    /**
     * Whether any event topic has, past {@code from}, a record created at or after {@code sinceEpochMillis}. A
     * record a relay sent while the broker was away carries the time of that send, so it only counts once appended.
     */
    boolean anyEventCreatedSince(Map<TopicPartition, Long> from, long sinceEpochMillis) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = eventPartitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<TopicPartition> grown = partitions.stream()
                    .filter(p -> end.get(p) > from.getOrDefault(p, 0L)).toList();
            if (grown.isEmpty()) {
                return false;
            }
            consumer.assign(grown);
            grown.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (grown.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.timestamp() >= sinceEpochMillis) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static List<TopicPartition> eventPartitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : org.clearpost.events.Topics.ALL) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<String> topicNames(Pattern pattern) {
        try (Admin admin = Admin.create(clientConfig.get())) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> pattern.matcher(name).matches()).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the broker's topics", e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig.get());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Looking must not create: the broker auto-creates topics on a consumer's metadata request otherwise.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // What the services' consumers would see: the relays do not use transactions today, but may.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
