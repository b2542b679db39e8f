package org.clearpost.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.common.header.Header;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.clearpost.local.LocalPlatform;

/**
 * Counts the mentions announced on {@code clearpost.monitoring.mentions} from the moment it is opened: a mention is
 * announced once both its {@code MentionReceived} and its {@code MentionTriaged} (issue 11) are there, each mention
 * once (a resent event repeats its mention id). Logged in as the read-only analyst; reads partitions by assignment, so
 * it needs no consumer group.
 */
final class Announcements implements AutoCloseable {

    private static final Pattern EXTERNAL_ID = Pattern.compile("\"externalId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MENTION_ID = Pattern.compile("\"mentionId\"\\s*:\\s*\"([^\"]+)\"");

    private static final int RECEIVED = 1;
    private static final int TRIAGED = 2;
    private static final String RECEIVED_TYPE = EventType.MENTION_RECEIVED.ceType();
    private static final String TRIAGED_TYPE = EventType.MENTION_TRIAGED.ceType();

    /** mention id -> which of its two events were read (RECEIVED | TRIAGED). */
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final AtomicLong announced = new AtomicLong();
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
                        count(record);
                    }
                }
            }
        }, "announcements");
        reader.setDaemon(true);
        reader.start();
    }

    private void count(ConsumerRecord<String, String> record) {
        String value = record.value();
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (value == null || type == null) {
            return;
        }
        String ceType = new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
        if (TRIAGED_TYPE.equals(ceType)) {
            // No external id in it: it counts for a mention whose MentionReceived is counted.
            Matcher id = MENTION_ID.matcher(value);
            if (id.find()) {
                mark(id.group(1), TRIAGED);
            }
            return;
        }
        if (!RECEIVED_TYPE.equals(ceType)) {
            return;
        }
        if (externalIdPrefix != null) {
            Matcher external = EXTERNAL_ID.matcher(value);
            if (!external.find() || !external.group(1).startsWith(externalIdPrefix)) {
                return;
            }
        }
        Matcher id = MENTION_ID.matcher(value);
        if (id.find()) {
            mark(id.group(1), RECEIVED);
        }
    }

    private void mark(String mentionId, int event) {
        int before = seen.getOrDefault(mentionId, 0);
        int after = seen.merge(mentionId, event, (a, b) -> a | b);
        if (after == (RECEIVED | TRIAGED) && before != after) {
            announced.incrementAndGet();
        }
    }

    /** Mentions announced (received and triaged) so far, each once. */
    long mentions() {
        return announced.get();
    }

    /** Records read so far (two per mention, more when an event was resent). */
    long records() {
        return records.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(10_000);
    }
}
