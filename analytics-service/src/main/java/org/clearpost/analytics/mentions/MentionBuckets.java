package org.clearpost.analytics.mentions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.metrics.Sensor;
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
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionTriaged;
import org.clearpost.support.inbox.EventHandlers;
import org.jboss.logging.Logger;

/**
 * Step one of mentions-hourly, keyed by mention id (as on monitoring's topic): turns each mention and its triage into
 * one count per (hour of {@code mentionedAt}, dimension, value), re-keyed by that row for the counting step. Keeps
 * each mention's {@code mentionedAt} while its hour is open, because {@code MentionTriaged} (which follows its
 * {@code MentionReceived} on the same topic and key) does not carry it.
 *
 * <p>An hour is closed once stream time (the latest CloudEvents time this task has read) has passed its end plus the
 * grace period; a mention, or a triage, of a closed hour is dropped, logged and counted in the Kafka Streams metric
 * {@code late-mention-dropped-total} (group {@code stream-clearpost-figures-metrics}). Stream time, not the wall clock,
 * so a rebuild drops exactly what the live run dropped.
 */
final class MentionBuckets implements Processor<String, ClearpostEvent, String, HourlyCount> {

    static final String DROPPED_METRIC = "late-mention-dropped";
    static final String METRIC_SCOPE = "clearpost-figures";

    private static final Logger LOG = Logger.getLogger(MentionBuckets.class);
    private static final Duration HOUR = Duration.ofHours(1);

    /** The types this step reads, each with its handler; the part's {@code consumes()} is this table's. */
    static final EventHandlers<MentionBuckets> HANDLERS = EventHandlers.<MentionBuckets>builder()
            .onWith(MentionReceived.class, (event, step) -> step.received(event))
            .onWith(MentionTriaged.class, (event, step) -> step.triaged(event))
            .build();

    private final Duration grace;
    private final String storeName;
    private ProcessorContext<String, HourlyCount> context;
    private KeyValueStore<String, SeenMention> seen;
    private Sensor dropped;
    private long timestamp;

    MentionBuckets(Duration grace, String storeName) {
        this.grace = grace;
        this.storeName = storeName;
    }

    static ProcessorSupplier<String, ClearpostEvent, String, HourlyCount> supplier(Duration grace, String storeName) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ClearpostEvent, String, HourlyCount> get() {
                return new MentionBuckets(grace, storeName);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
                        FigureSerde.json(SeenMention.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, HourlyCount> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, "mentions-hourly", DROPPED_METRIC,
                Sensor.RecordingLevel.INFO);
        // Forget mentions whose hour has closed: nothing of theirs can count any more. Stream time, like the grace.
        context.schedule(Duration.ofMinutes(15), PunctuationType.STREAM_TIME, this::forgetClosed);
    }

    @Override
    public void process(Record<String, ClearpostEvent> record) {
        timestamp = record.timestamp();
        HANDLERS.dispatch(record.value(), this);
    }

    private void received(MentionReceived mention) {
        String id = mention.mentionId().toString();
        SeenMention before = seen.get(id);
        if (before != null && (before.received() || before.late())) {
            return; // counted once (or dropped once) already
        }
        Instant hour = hourOf(mention.mentionedAt());
        if (closed(hour)) {
            drop(mention.mentionId(), hour, "MentionReceived");
            seen.put(id, new SeenMention(mention.mentionedAt(), false, false, true));
            return;
        }
        List<KeyValue<String, String>> rows = new ArrayList<>();
        rows.add(KeyValue.pair("network", mention.network().name()));
        if (mention.account() != null) {
            rows.add(KeyValue.pair("account", mention.account()));
        }
        for (UUID query : new LinkedHashSet<>(mention.matchedQueries())) {
            rows.add(KeyValue.pair("query", query.toString()));
        }
        emit(hour, rows);
        seen.put(id, new SeenMention(mention.mentionedAt(), true, before != null && before.triaged(), false));
    }

    private void triaged(MentionTriaged triage) {
        String id = triage.mentionId().toString();
        SeenMention mention = seen.get(id);
        if (mention == null) {
            // Its MentionReceived was never read (it precedes the triage on the same partition), or was forgotten
            // because its hour closed long ago: either way there is no hour to count the triage in.
            drop(triage.mentionId(), null, "MentionTriaged without its MentionReceived");
            return;
        }
        if (mention.triaged() || mention.late()) {
            return;
        }
        Instant hour = hourOf(mention.mentionedAt());
        if (closed(hour)) {
            drop(triage.mentionId(), hour, "MentionTriaged");
            seen.put(id, new SeenMention(mention.mentionedAt(), mention.received(), true, mention.late()));
            return;
        }
        List<KeyValue<String, String>> rows = new ArrayList<>();
        if (triage.sentiment() != null && triage.sentiment().label() != null) {
            rows.add(KeyValue.pair("sentiment", triage.sentiment().label()));
        }
        Set<String> reasons = new LinkedHashSet<>();
        triage.reasons().forEach(reason -> reasons.add(reason.reason().name()));
        if (reasons.isEmpty()) {
            reasons.add("NO_RESPONSE_NEEDED");
        }
        reasons.forEach(reason -> rows.add(KeyValue.pair("reason", reason)));
        emit(hour, rows);
        seen.put(id, new SeenMention(mention.mentionedAt(), mention.received(), true, false));
    }

    private void emit(Instant hour, List<KeyValue<String, String>> rows) {
        for (KeyValue<String, String> row : rows) {
            HourlyCount count = new HourlyCount(hour, row.key, row.value);
            context.forward(new Record<>(count.key(), count, timestamp));
        }
    }

    private boolean closed(Instant hour) {
        return hour.plus(HOUR).plus(grace).toEpochMilli() <= context.currentStreamTimeMs();
    }

    private void drop(UUID mentionId, Instant hour, String what) {
        dropped.record();
        LOG.warnf("mentions-hourly: dropped %s of mention %s: its hour %s closed (grace %s) before it arrived at %s",
                what, mentionId, hour, grace, Instant.ofEpochMilli(timestamp));
    }

    private void forgetClosed(long streamTime) {
        List<String> closed = new ArrayList<>();
        try (KeyValueIterator<String, SeenMention> all = seen.all()) {
            all.forEachRemaining(entry -> {
                if (hourOf(entry.value.mentionedAt()).plus(HOUR).plus(grace).toEpochMilli() <= streamTime) {
                    closed.add(entry.key);
                }
            });
        }
        closed.forEach(seen::delete);
    }

    static Instant hourOf(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }
}
