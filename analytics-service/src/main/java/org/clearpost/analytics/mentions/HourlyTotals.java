package org.clearpost.analytics.mentions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.MentionsHourly;

/**
 * Step two of mentions-hourly, keyed by the row ({@code hour|dimension|value}, so interactive queries find each row on
 * the replica that holds its partition): adds each count to its row in the figure's store and sends the row on.
 * Deletes rows older than the retention (by stream time, every hour of it) and tombstones them on the topic, so the
 * topic holds what the store holds.
 */
final class HourlyTotals implements Processor<String, HourlyCount, String, MentionsHourly> {

    static final String STORE = FigureStores.storeName(FigureType.MENTIONS_HOURLY);

    private final Duration retention;
    private ProcessorContext<String, MentionsHourly> context;
    private KeyValueStore<String, MentionsHourly> rows;

    HourlyTotals(Duration retention) {
        this.retention = retention;
    }

    static ProcessorSupplier<String, HourlyCount, String, MentionsHourly> supplier(Duration retention) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, HourlyCount, String, MentionsHourly> get() {
                return new HourlyTotals(retention);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        FigureSerde.of(MentionsHourly.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, MentionsHourly> context) {
        this.context = context;
        this.rows = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::prune);
    }

    @Override
    public void process(Record<String, HourlyCount> record) {
        HourlyCount count = record.value();
        MentionsHourly held = rows.get(record.key());
        Instant time = Instant.ofEpochMilli(record.timestamp());
        MentionsHourly row = held == null
                ? new MentionsHourly(count.hourStart(), count.dimension(), count.value(), 1, time)
                : new MentionsHourly(count.hourStart(), count.dimension(), count.value(), held.mentions() + 1,
                        later(held.asOf(), time));
        rows.put(record.key(), row);
        context.forward(record.withValue(row));
    }

    /** Keys start with the hour as ISO-8601 (always with seconds, UTC), so key order is time order. */
    private void prune(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<KeyValue<String, MentionsHourly>> old = new ArrayList<>();
        try (KeyValueIterator<String, MentionsHourly> range = rows.range(null, cutoff.toString())) {
            range.forEachRemaining(entry -> {
                if (entry.value.hourStart().isBefore(cutoff)) {
                    old.add(entry);
                }
            });
        }
        for (KeyValue<String, MentionsHourly> entry : old) {
            rows.delete(entry.key);
            context.forward(new Record<String, MentionsHourly>(entry.key, null, streamTime));
        }
    }

    static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
