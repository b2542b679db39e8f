package org.clearpost.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.clearpost.local.LocalPlatform;

/**
 * Counts the {@code MentionReceived} events on {@code clearpost.monitoring.mentions} from the moment it is opened,
 * once per mention (a resent event repeats its mention id), logged in as the read-only analyst. Reads partitions
 * by assignment, so it needs no consumer group.
 */
final class Announcements implements AutoCloseable {

    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MENTION_ID = Pattern.compile("\"mentionId\"\\s*:\\s*\"([^\"]+)\"");

    private final Set<String> mentions = ConcurrentHashMap.newKeySet();
    private final AtomicLong records = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;
    private final String externalIdPrefix;

    /** @param externalIdPrefix count only mentions whose external id starts with this; null for every mention */
    Announcements(LocalPlatform platform, String externalIdPrefix) {
        this.externalIdPrefix = externalIdPrefix;
        Properties props = new Properties();
        props.putAll(platform.kafkaClientConfig(KafkaAccess.ANALYST));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MONITORING_MENTIONS, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        ends.forEach(consumer::seek);
        reader = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        records.incrementAndGet();
                        count(record.value());
                    }
                }
            }
        }, "announcements");
        reader.setDaemon(true);
        reader.start();
    }

    private void count(String value) {
        if (value == null) {
            return;
        }
        if (externalIdPrefix == null) {
            Matcher id = MENTION_ID.matcher(value);
            if (id.find()) {
                mentions.add(id.group(1));
            }
            return;
        }
        Matcher id = EXTERNAL_ID.matcher(value);
        if (id.find() && id.group(1).startsWith(externalIdPrefix)) {
            mentions.add(id.group(1));
        }
    }

    /** Mentions announced so far, each once. */
    long mentions() {
        return mentions.size();
    }

    /** Records read so far (more than {@link #mentions()} when an event was resent). */
    long records() {
        return records.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(10_000);
    }
}
