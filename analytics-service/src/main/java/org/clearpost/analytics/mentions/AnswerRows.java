package org.clearpost.analytics.mentions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
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
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.inbox.EventHandlers;

/**
 * Step one of response-times: each {@code MentionAnswered} becomes two answers, one for its network's row of the ISO
 * week (Monday, London) of {@code answeredAt} and one for that week's {@code ALL} row, keyed by row.
 *
 * <p>Delivery is at least once (the outbox relay resends a batch after a crash between acknowledgement and commit),
 * and a digest cannot take a duration back out, so an answer is counted once per mention: the mentions answered are
 * remembered (keyed by mention id, as on monitoring's topic) for {@link #REMEMBERED} of stream time, far longer than a
 * resend takes.
 */
final class AnswerRows implements Processor<String, ClearpostEvent, String, Answer> {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ALL = "ALL";

    static final EventHandlers<AnswerRows> HANDLERS = EventHandlers.<AnswerRows>builder()
            .onWith(MentionAnswered.class, (event, step) -> step.answered(event))
            .build();

    static final String STORE = FigureType.RESPONSE_TIMES.figureName() + "-answered";
    static final Duration REMEMBERED = Duration.ofDays(7);

    private ProcessorContext<String, Answer> context;
    private KeyValueStore<String, Instant> answeredMentions;
    private long timestamp;

    static ProcessorSupplier<String, ClearpostEvent, String, Answer> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ClearpostEvent, String, Answer> get() {
                return new AnswerRows();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        FigureSerde.json(Instant.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Answer> context) {
        this.context = context;
        this.answeredMentions = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forget);
    }

    private void forget(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(REMEMBERED);
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Instant> all = answeredMentions.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.isBefore(cutoff)) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(answeredMentions::delete);
    }

    @Override
    public void process(Record<String, ClearpostEvent> record) {
        timestamp = record.timestamp();
        HANDLERS.dispatch(record.value(), this);
    }

    private void answered(MentionAnswered answered) {
        String mention = answered.mentionId().toString();
        if (answeredMentions.get(mention) != null) {
            return; // the same answer delivered again
        }
        answeredMentions.put(mention, Instant.ofEpochMilli(timestamp));
        LocalDate week = weekStart(answered);
        for (String network : new String[] {answered.network().name(), ALL}) {
            Answer answer = new Answer(week, network, answered.firstResponseBusinessSeconds(),
                    answered.firstResponseSeconds(), answered.withinSla());
            context.forward(new Record<>(answer.key(), answer, timestamp));
        }
    }

    static LocalDate weekStart(MentionAnswered answered) {
        return answered.answeredAt().atZone(LONDON).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
