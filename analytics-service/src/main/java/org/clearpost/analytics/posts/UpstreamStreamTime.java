package org.clearpost.analytics.posts;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Carries the first stage's stream time across a repartition, so that the grace period is judged where the events are
 * read, in time order per task, and not by the stage after the repartition topic: that stage reads changes from every
 * upstream task, and when those run at different paces (a rebuild from the topics, one thread with two tasks and
 * another with one) its own stream time runs days ahead of some of them, and it would drop, as late, changes that were
 * on time where they happened. A rebuild then gave other figures than the live run (the benchmark showed it).
 */
final class UpstreamStreamTime<V> implements FixedKeyProcessor<String, V, V> {

    static final String HEADER = "clearpost-upstream-stream-time";

    private FixedKeyProcessorContext<String, V> context;

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        record.headers().remove(HEADER);
        record.headers().add(HEADER, ByteBuffer.allocate(Long.BYTES).putLong(context.currentStreamTimeMs()).array());
        context.forward(record);
    }

    /** The stream time of the stage that sent {@code record}, if it said. */
    static OptionalLong of(Record<String, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return header == null || header.value().length != Long.BYTES ? OptionalLong.empty()
                : OptionalLong.of(ByteBuffer.wrap(header.value()).getLong());
    }
}
