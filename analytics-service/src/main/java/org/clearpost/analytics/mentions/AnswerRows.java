package org.clearpost.analytics.mentions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.MentionAnswered;
import org.clearpost.support.inbox.EventHandlers;

/**
 * Step one of response-times: each {@code MentionAnswered} becomes two answers, one for its network's row of the ISO
 * week (Monday, London) of {@code answeredAt} and one for that week's {@code ALL} row, keyed by row.
 */
final class AnswerRows implements Processor<String, ClearpostEvent, String, Answer> {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ALL = "ALL";

    static final EventHandlers<AnswerRows> HANDLERS = EventHandlers.<AnswerRows>builder()
            .onWith(MentionAnswered.class, (event, step) -> step.answered(event))
            .build();

    private ProcessorContext<String, Answer> context;
    private long timestamp;

    @Override
    public void init(ProcessorContext<String, Answer> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ClearpostEvent> record) {
        timestamp = record.timestamp();
        HANDLERS.dispatch(record.value(), this);
    }

    private void answered(MentionAnswered answered) {
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
