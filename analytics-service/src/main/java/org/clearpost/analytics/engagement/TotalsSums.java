package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.figures.EngagementTotals;
import org.clearpost.events.figures.FigureType;

/**
 * Step three, keyed by ({@code campaign|network}): adds each delta to its engagement-totals row, so each row is the
 * sum over its targets of each one's latest sample, each target counted once however many samples it had.
 */
final class TotalsSums implements Processor<String, TotalsDelta, String, EngagementTotals> {

    static final String STORE = FigureStores.storeName(FigureType.ENGAGEMENT_TOTALS);

    private ProcessorContext<String, EngagementTotals> context;
    private KeyValueStore<String, EngagementTotals> rows;

    static ProcessorSupplier<String, TotalsDelta, String, EngagementTotals> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, TotalsDelta, String, EngagementTotals> get() {
                return new TotalsSums();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        FigureSerde.of(EngagementTotals.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, EngagementTotals> context) {
        this.context = context;
        this.rows = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, TotalsDelta> record) {
        TotalsDelta delta = record.value();
        EngagementTotals held = rows.get(record.key());
        Map<String, Long> metrics = new TreeMap<>(held == null ? Map.of() : held.metrics());
        delta.metrics().forEach((name, value) -> metrics.merge(name, value, Long::sum));
        Instant time = Instant.ofEpochMilli(record.timestamp());
        EngagementTotals row = new EngagementTotals(delta.campaign(), delta.network(),
                (held == null ? 0 : held.posts()) + delta.posts(), metrics,
                held == null || time.isAfter(held.asOf()) ? time : held.asOf());
        rows.put(record.key(), row);
        context.forward(record.withValue(row));
    }
}
