package org.clearpost.analytics.posts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.clearpost.events.figures.Figure;
import org.jboss.logging.Logger;

/**
 * The second stage of a bucketed figure: adds each change (keyed by the row it belongs to, after a repartition by that
 * key) to the row in the figure's store and forwards the new row. Applies the grace period and the retention described
 * in {@link BucketedFigure}.
 *
 * @param <D> the change: one event's contribution to one row
 * @param <F> the figure's row
 */
final class BucketRows<D, F extends Figure> implements Processor<String, D, String, F> {

    private static final Logger LOG = Logger.getLogger(BucketRows.class);
    /** How often (in stream time) old buckets are pruned: hourly is plenty for buckets of a day or a week. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final String figureName;
    private final String storeName;
    private final Function<D, Instant> changeBucketEnd;
    private final Function<F, Instant> rowBucketEnd;
    private final BiFunction<F, D, F> add;
    private final Duration grace;
    private final Duration retention;
    private final AtomicLong lateDropped;
    private final Counter lateCounter;
    private ProcessorContext<String, F> context;
    private KeyValueStore<String, F> store;

    /**
     * @param add the row with the change added; the row is {@code null} for a bucket's first change
     */
    BucketRows(String figureName, String storeName, Function<D, Instant> changeBucketEnd,
            Function<F, Instant> rowBucketEnd, BiFunction<F, D, F> add, Duration grace, Duration retention,
            AtomicLong lateDropped) {
        this.figureName = figureName;
        this.storeName = storeName;
        this.changeBucketEnd = changeBucketEnd;
        this.rowBucketEnd = rowBucketEnd;
        this.add = add;
        this.grace = grace;
        this.retention = retention;
        this.lateDropped = lateDropped;
        this.lateCounter = Metrics.counter("clearpost.analytics.late.events", "figure", figureName);
    }

    /** Refuses a retention that could prune a bucket while an event may still count in it. */
    static void checkWindows(String figureName, Duration grace, Duration bucket, Duration retention) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException(figureName + ": the grace period must not be negative, not " + grace);
        }
        if (retention.compareTo(grace.plus(bucket)) <= 0) {
            throw new IllegalArgumentException(figureName + ": the retention (" + retention
                    + ") must be longer than the grace period (" + grace + ") plus one bucket (" + bucket + ")");
        }
    }

    @Override
    public void init(ProcessorContext<String, F> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(PRUNE_EVERY, PunctuationType.STREAM_TIME, this::prune);
    }

    @Override
    public void process(Record<String, D> record) {
        D change = record.value();
        if (change == null) {
            return;
        }
        // The first stage's stream time where it said (UpstreamStreamTime): this stage's own runs ahead in a rebuild
        long streamTime = UpstreamStreamTime.of(record).orElse(context.currentStreamTimeMs());
        Instant closes = changeBucketEnd.apply(change).plus(grace);
        if (closes.toEpochMilli() < streamTime) {
            lateDropped.incrementAndGet();
            lateCounter.increment();
            LOG.warnf("%s: dropped a change to %s at %s: its bucket closed at %s (grace %s), stream time is %s",
                    figureName, record.key(), Instant.ofEpochMilli(record.timestamp()), closes, grace,
                    Instant.ofEpochMilli(streamTime));
            return;
        }
        F row = add.apply(store.get(record.key()), change);
        store.put(record.key(), row);
        context.forward(new Record<>(record.key(), row, record.timestamp()));
    }

    /** Deletes the buckets that ended more than the retention before stream time; their topic rows stay. */
    private void prune(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        int expired = deleteBefore(store, rowBucketEnd, cutoff);
        if (expired > 0) {
            LOG.debugf("%s: pruned %d buckets that ended before %s", figureName, expired, cutoff);
        }
    }

    /**
     * Deletes every entry of {@code store} whose {@code time} is before {@code cutoff} (an entry without a time stays),
     * and says how many went: the buckets past retention here, the first stages' per-version state not seen for as
     * long. Keys are collected first and deleted after, because a store may not be changed under an open iterator.
     */
    static <V> int deleteBefore(KeyValueStore<String, V> store, Function<? super V, Instant> time, Instant cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, V> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, V> entry = entries.next();
                Instant at = entry.value == null ? null : time.apply(entry.value);
                if (at != null && at.isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
        return expired.size();
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
