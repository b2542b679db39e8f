package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostEngagement;

/**
 * Step two of post-engagement, keyed by target: keeps each target's latest sample (by {@code sampledAt}; an older
 * sample arriving late, or the same one twice, changes nothing) and says what the change does to the totals.
 *
 * <p>A metric the newer sample lacks keeps the value the held row had: the networks' counts are cumulative, and a
 * later sample can lack a metric the earlier one had (X gives link clicks only for posts under 30 days; Meta withdraws
 * metrics), so dropping it would make a campaign's link clicks fall to zero at the 30-day sample.
 */
final class LatestSamples implements Processor<String, PostMetricsSampled, String, SampleOutcome> {

    static final String STORE = FigureStores.storeName(FigureType.POST_ENGAGEMENT);

    private ProcessorContext<String, SampleOutcome> context;
    private KeyValueStore<String, PostEngagement> rows;

    static ProcessorSupplier<String, PostMetricsSampled, String, SampleOutcome> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, PostMetricsSampled, String, SampleOutcome> get() {
                return new LatestSamples();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        FigureSerde.of(PostEngagement.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, SampleOutcome> context) {
        this.context = context;
        this.rows = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, PostMetricsSampled> record) {
        PostMetricsSampled sample = record.value();
        PostEngagement held = rows.get(record.key());
        if (held != null && !sample.sampledAt().isAfter(held.sampledAt())) {
            return;
        }
        Map<String, Long> metrics = new TreeMap<>(held == null ? Map.of() : held.metrics());
        metrics.putAll(sample.metrics());
        Instant time = Instant.ofEpochMilli(record.timestamp());
        PostEngagement row = new PostEngagement(sample.targetId(), sample.postId(), sample.network(), sample.account(),
                sample.campaign(), sample.externalId(), sample.publishedAt(), sample.sampleAge(), metrics,
                sample.sampledAt(), held == null || time.isAfter(held.asOf()) ? time : held.asOf());
        rows.put(record.key(), row);
        context.forward(record.withValue(new SampleOutcome(row, deltas(held, row))));
    }

    static List<TotalsDelta> deltas(PostEngagement held, PostEngagement row) {
        if (held == null) {
            return List.of(new TotalsDelta(row.campaign(), row.network(), 1, row.metrics()));
        }
        if (Objects.equals(held.campaign(), row.campaign()) && held.network() == row.network()) {
            Map<String, Long> change = new TreeMap<>();
            Set<String> names = new TreeSet<>(held.metrics().keySet());
            names.addAll(row.metrics().keySet());
            for (String name : names) {
                change.put(name, row.metrics().getOrDefault(name, 0L) - held.metrics().getOrDefault(name, 0L));
            }
            return List.of(new TotalsDelta(row.campaign(), row.network(), 0, change));
        }
        // The post moved to another campaign: its target leaves the old row and joins the new one.
        Map<String, Long> minus = new HashMap<>();
        held.metrics().forEach((name, value) -> minus.put(name, -value));
        return List.of(new TotalsDelta(held.campaign(), held.network(), -1, minus),
                new TotalsDelta(row.campaign(), row.network(), 1, row.metrics()));
    }
}
