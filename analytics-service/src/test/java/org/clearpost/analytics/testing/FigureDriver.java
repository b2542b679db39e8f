package org.clearpost.analytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.kafka.streams.KeyValue;
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
 * Drives {@link AnalyticsTopology#build} of some figure parts with {@link TopologyTestDriver}: events go in as the
 * outbox relay writes them (binary-mode CloudEvents: {@code ce_type}, {@code ce_time}, JSON body, keyed by aggregate
 * id), figures are read from their stores and topics. Shared by the figure packages' topology tests.
 */
public final class FigureDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestInputTopic<String, String>> inputs = new HashMap<>();

    public FigureDriver(FigureTopology... parts) {
        try {
            // The driver checkpoints (fsync) after every record: in memory where the machine has it, or a few hundred
            // events take a minute on a busy disk.
            Path shm = Path.of("/dev/shm");
            stateDir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "figures")
                    : Files.createTempDirectory("figures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(AnalyticsTopology.build(List.of(parts)), config);
        for (String topic : Topics.ALL) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
        }
    }

    /** Writes {@code event} to its topic, as of {@code time} (its CloudEvents time, the stream's event time). */
    public FigureDriver pipe(ClearpostEvent event, Instant time) {
        EventType type = EventType.of(event);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.TYPE, bytes(type.ceType()));
        headers.add(CloudEventHeaders.SOURCE, bytes("test"));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        // The record's own timestamp is the relay's send time, later than the event: the extractor must prefer ce_time.
        inputs.get(type.topic()).pipeInput(
                new TestRecord<>(event.aggregateId(), EventJson.write(event), headers, time.plusSeconds(3600)));
        return this;
    }

    /** Every row in the figure's store, by key in key order. */
    public <F extends Figure> Map<String, F> store(FigureType type) {
        KeyValueStore<String, F> store = driver.getKeyValueStore(FigureStores.storeName(type));
        Map<String, F> rows = new TreeMap<>();
        try (KeyValueIterator<String, F> all = store.all()) {
            all.forEachRemaining(row -> rows.put(row.key, row.value));
        }
        return rows;
    }

    /** The records written to the figure's topic since the last read of it. */
    @SuppressWarnings("unchecked")
    public <F extends Figure> List<TestRecord<String, F>> topic(FigureType type) {
        TestOutputTopic<String, F> topic = driver.createOutputTopic(type.topic(), new StringDeserializer(),
                FigureSerde.of((Class<F>) type.recordType()).deserializer());
        return new ArrayList<>(topic.readRecordsToList());
    }

    /** Every row written to the figure's topic, as key and value, in order. */
    public <F extends Figure> List<KeyValue<String, F>> topicRows(FigureType type) {
        List<KeyValue<String, F>> rows = new ArrayList<>();
        this.<F>topic(type).forEach(record -> rows.add(KeyValue.pair(record.key(), record.value())));
        return rows;
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

    public static String header(TestRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
