package org.clearpost.analytics.engagement;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.support.inbox.EventHandlers;

/**
 * Step one of post-engagement: each sample re-keyed by its target (the publisher's topic is keyed by post), so that
 * each target's row lives in the partition its key hashes to and interactive queries find it there.
 */
final class SamplesByTarget implements Processor<String, ClearpostEvent, String, PostMetricsSampled> {

    static final EventHandlers<SamplesByTarget> HANDLERS = EventHandlers.<SamplesByTarget>builder()
            .onWith(PostMetricsSampled.class, (event, step) -> step.sampled(event))
            .build();

    private ProcessorContext<String, PostMetricsSampled> context;
    private Record<String, ClearpostEvent> record;

    @Override
    public void init(ProcessorContext<String, PostMetricsSampled> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ClearpostEvent> record) {
        this.record = record;
        HANDLERS.dispatch(record.value(), this);
    }

    private void sampled(PostMetricsSampled sample) {
        context.forward(new Record<>(sample.targetId().toString(), sample, record.timestamp()));
    }
}
