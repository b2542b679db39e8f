package org.clearpost.analytics.stream;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.MalformedEventException;
import org.clearpost.support.inbox.EventHandlers;
import org.jboss.logging.Logger;

/**
 * The first processor after the source: reads each record as a CloudEvent and dispatches it through analytics' handler
 * table, which says which parts get it. A record that is not a readable event, or whose type the table does not name,
 * becomes a dead letter (its original bytes and headers, plus the {@code dead-letter-*} headers the other services'
 * dead letters carry) written by the topology itself: in the same exactly-once transaction as the input offset, so a
 * malformed record neither stops the application nor vanishes, and is not dead-lettered twice after a crash.
 *
 * <p>This stands in for a {@code DeserializationExceptionHandler}: in Kafka Streams 4.1 such a handler cannot write to a
 * topic except through a producer of its own, outside the transaction (Streams' own dead-letter support, KIP-1034,
 * comes later), and the Clearpost architecture rule lets no analytics class hold a producer.
 */
final class EventRouter implements FixedKeyProcessor<String, byte[], EventRouter.Routed> {

    private static final Logger LOG = Logger.getLogger(EventRouter.class);
    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";

    /** An event with the parts it goes to, or a dead letter with its original bytes. */
    record Routed(ClearpostEvent event, BitSet parts, byte[] deadLetter) {

        boolean dead() {
            return deadLetter != null;
        }

        boolean goesTo(int part) {
            return event != null && parts.get(part);
        }
    }

    private final EventHandlers<BitSet> table;
    private final org.apache.kafka.common.serialization.Deserializer<ClearpostEvent> reader =
            new CloudEventSerde().deserializer();
    private final Set<String> unknownTypesSeen = new java.util.HashSet<>();
    private FixedKeyProcessorContext<String, Routed> context;

    EventRouter(EventHandlers<BitSet> table) {
        this.table = table;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("?");
        ClearpostEvent event;
        try {
            event = reader.deserialize(topic, record.headers(), record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage(), e);
            return;
        } catch (RuntimeException e) {
            // EventJson reading a body that does not fit its record (a missing field, a wrong type): still the
            // record's fault, not the topology's
            deadLetter(record, "Unreadable event: " + e.getMessage(), e);
            return;
        }
        if (event == null) {
            // A type this release does not know: a newer producer's. Replaying after an upgrade counts it.
            String type = CloudEventSerde.header(record.headers(), org.clearpost.events.CloudEventHeaders.TYPE).orElse("?");
            if (unknownTypesSeen.add(type)) {
                LOG.warnf("Skipping events of type %s on %s: this release does not know the type", type, topic);
            }
            return;
        }
        BitSet parts = new BitSet();
        try {
            table.dispatch(event, parts);
        } catch (EventHandlers.UnhandledEventException e) {
            deadLetter(record, e.getMessage(), e);
            return;
        }
        if (!parts.isEmpty()) {
            context.forward(record.withValue(new Routed(event, parts, null)));
        }
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, String reason, Exception cause) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, bytes(reason == null ? cause.getClass().getName() : reason));
        headers.add(CAUSE, bytes(cause.getClass().getName()));
        context.recordMetadata().ifPresent(meta -> {
            headers.add(TOPIC, bytes(meta.topic()));
            headers.add(PARTITION, bytes(Integer.toString(meta.partition())));
            headers.add(OFFSET, bytes(Long.toString(meta.offset())));
        });
        LOG.warnf("Dead-lettering a record on %s: %s", context.recordMetadata().map(RecordMetadata::topic).orElse("?"),
                reason);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        context.forward(record.withValue(new Routed(null, null, value)).withHeaders(headers));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static Set<EventType> none() {
        return EnumSet.noneOf(EventType.class);
    }
}
