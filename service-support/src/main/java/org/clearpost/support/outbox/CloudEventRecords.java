package org.clearpost.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;

/** Builds the Kafka record of one event: CloudEvents binary mode, keyed by the aggregate id. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, String> record(UUID id, String aggregateId, String ceType, String topic,
            String source, Instant time, String jsonPayload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(id.toString()));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.TYPE, bytes(ceType));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(aggregateId));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(topic, null, aggregateId, jsonPayload, headers);
    }

    /** The record of an event that is not in an outbox, such as one a test or a replay tool sends. */
    public static ProducerRecord<String, String> record(UUID id, ClearpostEvent event, String source, Instant time) {
        EventType type = EventType.of(event);
        return record(id, event.aggregateId(), type.ceType(), type.topic(), source, time, EventJson.write(event));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
