package org.clearpost.analytics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionSpikeAcknowledged;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostActivity;
import org.clearpost.support.outbox.CloudEventRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology around the parts: reading, the handler table, dead letters, and a part's figure store and topic. */
class AnalyticsTopologyTest {

    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(AnalyticsTopology.build(List.of(new DraftCountPart())), props);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aDraftIsCountedInItsLondonDayAndItsRowCarriesCloudEventsHeaders() {
        send(TopologyFixtures.drafted(UUID.randomUUID(), "a", Instant.parse("2026-05-04T23:30:00Z")));
        send(TopologyFixtures.drafted(UUID.randomUUID(), "a", Instant.parse("2026-05-04T22:30:00Z")));

        KeyValueStore<String, PostActivity> store = driver.getKeyValueStore(
                FigureStores.storeName(FigureType.POST_ACTIVITY));
        // 23:30 UTC is 00:30 on the 5th in London (BST); 22:30 UTC is still the 4th
        assertThat(store.get("2026-05-05|X|a|-").drafted()).isEqualTo(1);
        assertThat(store.get("2026-05-04|X|a|-").drafted()).isEqualTo(1);
        var rows = driver.createOutputTopic(FigureType.POST_ACTIVITY.topic(), new StringDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(header(rows.get(0), CloudEventHeaders.TYPE)).isEqualTo(FigureType.POST_ACTIVITY.ceType());
        assertThat(header(rows.get(0), CloudEventHeaders.SOURCE)).isEqualTo("/clearpost/analytics-service");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsCounted() {
        TestInputTopic<String, byte[]> posts = input(Topics.DRAFTING_POSTS);
        posts.pipeInput(new TestRecord<>("k1", "{\"no\":\"headers\"}".getBytes(StandardCharsets.UTF_8)));
        RecordHeaders badBody = new RecordHeaders();
        badBody.add(CloudEventHeaders.TYPE, EventType.POST_DRAFTED.ceType().getBytes(StandardCharsets.UTF_8));
        posts.pipeInput(new TestRecord<>("k2", "not json".getBytes(StandardCharsets.UTF_8), badBody,
                Instant.parse("2026-05-04T09:00:00Z")));
        send(TopologyFixtures.drafted(UUID.randomUUID(), "b", Instant.parse("2026-05-04T09:00:00Z")));

        List<TestRecord<String, byte[]>> dead = deadLetters().readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("k1", "k2");
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("ce_type");
        assertThat(header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.DRAFTING_POSTS);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"no\":\"headers\"}");
        assertThat(header(dead.get(1), "dead-letter-reason")).isNotBlank();
        assertThat(header(dead.get(1), CloudEventHeaders.TYPE)).isEqualTo(EventType.POST_DRAFTED.ceType());
        KeyValueStore<String, PostActivity> store = driver.getKeyValueStore(
                FigureStores.storeName(FigureType.POST_ACTIVITY));
        assertThat(store.get("2026-05-04|X|b|-").drafted()).isEqualTo(1);
    }

    @Test
    void anIgnoredTypeIsDroppedOnPurposeAndATypeTheTableDoesNotNameIsDeadLettered() {
        send(new MentionSpikeAcknowledged(UUID.randomUUID(), UUID.randomUUID(), "mo", "seen", Instant.now()));
        assertThat(deadLetters().isEmpty()).isTrue();

        // The test part does not consume PostPublished and IgnoredEvents does not list it: not accounted for
        send(TopologyFixtures.published());
        List<TestRecord<String, byte[]>> dead = deadLetters().readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("No handler for clearpost.post.published.v1");
    }

    @Test
    void aTypeThisReleaseDoesNotKnowIsSkippedNotDeadLettered() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, "clearpost.post.something-new.v9".getBytes(StandardCharsets.UTF_8));
        input(Topics.DRAFTING_POSTS).pipeInput(new TestRecord<>("k", "{}".getBytes(StandardCharsets.UTF_8), headers,
                Instant.now()));
        assertThat(deadLetters().isEmpty()).isTrue();
    }

    private void send(ClearpostEvent event) {
        ProducerRecord<String, String> record = CloudEventRecords.record(UUID.randomUUID(), event, "/test",
                Instant.now());
        input(record.topic()).pipeInput(new TestRecord<>(record.key(), record.value().getBytes(StandardCharsets.UTF_8),
                record.headers(), Instant.now()));
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, byte[]> deadLetters() {
        return driver.createOutputTopic(AnalyticsTopology.DEAD_LETTER_TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
