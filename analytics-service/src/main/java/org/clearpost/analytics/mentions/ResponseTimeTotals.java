package org.clearpost.analytics.mentions;

import com.tdunning.math.stats.MergingDigest;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.ResponseTimes;

/**
 * Step two of response-times, keyed by row ({@code week|network}): counts the answers and those within their SLA, and
 * adds each to two t-digests, business seconds (carried in the row, so an analyst can merge weeks and networks) and
 * wall-clock seconds (kept in a store of its own, as the row has room for one digest only), then reads p50/p90/max
 * from each.
 */
final class ResponseTimeTotals implements Processor<String, Answer, String, ResponseTimes> {

    static final String STORE = FigureStores.storeName(FigureType.RESPONSE_TIMES);
    static final String WALL_CLOCK_STORE = FigureType.RESPONSE_TIMES.figureName() + "-wall-clock-digests";

    private ProcessorContext<String, ResponseTimes> context;
    private KeyValueStore<String, ResponseTimes> rows;
    private KeyValueStore<String, String> wallClock;

    static ProcessorSupplier<String, Answer, String, ResponseTimes> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Answer, String, ResponseTimes> get() {
                return new ResponseTimeTotals();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                                FigureSerde.of(ResponseTimes.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WALL_CLOCK_STORE), Serdes.String(),
                                Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ResponseTimes> context) {
        this.context = context;
        this.rows = context.getStateStore(STORE);
        this.wallClock = context.getStateStore(WALL_CLOCK_STORE);
    }

    @Override
    public void process(Record<String, Answer> record) {
        Answer answer = record.value();
        ResponseTimes held = rows.get(record.key());
        MergingDigest business = Digests.read(held == null ? null : held.digest());
        business.add(answer.businessSeconds());
        MergingDigest wall = Digests.read(wallClock.get(record.key()));
        wall.add(answer.wallClockSeconds());
        Instant time = Instant.ofEpochMilli(record.timestamp());
        ResponseTimes row = new ResponseTimes(answer.weekStart(), answer.network(),
                (held == null ? 0 : held.answered()) + 1,
                (held == null ? 0 : held.withinSla()) + (answer.withinSla() ? 1 : 0),
                Digests.percentiles(business), Digests.percentiles(wall), Digests.write(business),
                held == null ? time : HourlyTotals.later(held.asOf(), time));
        wallClock.put(record.key(), Digests.write(wall));
        rows.put(record.key(), row);
        context.forward(record.withValue(row));
    }
}
