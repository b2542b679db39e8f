package org.clearpost.analytics.mentions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.analytics.stream.AnalyticsTopology;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;

/**
 * The whole analytics topology of some parts ({@code AnalyticsTopology.build}) under {@link TopologyTestDriver}: events
 * go in as the outbox relay writes them (binary-mode CloudEvents on their topic, keyed by aggregate id), figures are
 * read from their stores and topics.
 */
public final class FigureDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();
    private final Map<FigureType, TestOutputTopic<String, ? extends Figure>> outputs = new HashMap<>();

    public FigureDriver(FigureTopology... parts) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("figures").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        driver = new TopologyTestDriver(AnalyticsTopology.build(List.of(parts)), config);
        for (String topic : Topics.ALL) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
        }
    }

    /** Sends {@code event} as written at {@code time} (its CloudEvents time, hence its stream time). */
    public void send(ClearpostEvent event, Instant time) {
        EventType type = EventType.of(event);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.TYPE, bytes(type.ceType()));
        headers.add(CloudEventHeaders.SOURCE, bytes("test"));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        inputs.get(type.topic()).pipeInput(new TestRecord<>(event.aggregateId(), EventJson.write(event), headers, time));
    }

    /** Every row in the figure's store, by key. */
    @SuppressWarnings("unchecked")
    public <F extends Figure> Map<String, F> rows(FigureType type) {
        KeyValueStore<String, F> store = driver.getKeyValueStore(FigureStores.storeName(type));
        Map<String, F> rows = new TreeMap<>();
        try (KeyValueIterator<String, F> all = store.all()) {
            all.forEachRemaining(entry -> rows.put(entry.key, entry.value));
        }
        return rows;
    }

    /** The records written to the figure's topic since the last call. */
    @SuppressWarnings("unchecked")
    public <F extends Figure> List<TestRecord<String, F>> published(FigureType type) {
        TestOutputTopic<String, F> topic = (TestOutputTopic<String, F>) outputs.computeIfAbsent(type,
                t -> driver.createOutputTopic(t.topic(), new StringDeserializer(),
                        FigureSerde.of((Class<F>) t.recordType()).deserializer()));
        return new ArrayList<>(topic.readRecordsToList());
    }

    /** The total of a Kafka Streams metric by name (summed over its tags). */
    public double metricTotal(String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : driver.metrics().entrySet()) {
            if (metric.getKey().name().equals(name)) {
                total += ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    public static String header(TestRecord<String, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
