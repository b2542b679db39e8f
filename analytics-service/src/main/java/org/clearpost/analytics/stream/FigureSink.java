package org.clearpost.analytics.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;

/**
 * Writes a figure's rows to its compacted topic as binary-mode CloudEvents, like every event: {@code ce_id} derived
 * from the key and the row (so a rebuilt row has the id the live one had), {@code ce_type} the figure's,
 * {@code ce_source} analytics-service, {@code ce_time} the row's {@code asOf}, {@code ce_subject} its key.
 */
public final class FigureSink {

    /** The CloudEvents source, as every service writes it ({@code /clearpost/<service>}). */
    public static final String SOURCE = "/clearpost/analytics-service";

    private FigureSink() {
    }

    public static <F extends Figure> void to(KStream<String, F> rows, FigureType type) {
        @SuppressWarnings("unchecked")
        Class<F> recordType = (Class<F>) type.recordType();
        rows.processValues(() -> new Headers<F>(type), org.apache.kafka.streams.kstream.Named.as(type.figureName() + "-ce-headers"))
                .to(type.topic(), Produced.with(Serdes.String(), FigureSerde.of(recordType))
                        .withName(type.figureName() + "-sink"));
    }

    private static final class Headers<F extends Figure> implements FixedKeyProcessor<String, F, F> {

        private final FigureType type;
        private FixedKeyProcessorContext<String, F> context;

        Headers(FigureType type) {
            this.type = type;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, F> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, F> record) {
            F row = record.value();
            RecordHeaders headers = new RecordHeaders();
            if (row != null) {
                Instant asOf = row.asOf();
                headers.add(CloudEventHeaders.ID, bytes(UUID.nameUUIDFromBytes(
                        (type.ceType() + "|" + record.key() + "|" + asOf + "|" + row.hashCode())
                                .getBytes(StandardCharsets.UTF_8)).toString()));
                headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
                headers.add(CloudEventHeaders.TYPE, bytes(type.ceType()));
                headers.add(CloudEventHeaders.SOURCE, bytes(SOURCE));
                headers.add(CloudEventHeaders.TIME, bytes(asOf.toString()));
                headers.add(CloudEventHeaders.SUBJECT, bytes(record.key()));
                headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            }
            context.forward(record.withHeaders(headers));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
