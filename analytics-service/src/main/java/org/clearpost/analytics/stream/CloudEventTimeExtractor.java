package org.clearpost.analytics.stream;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.clearpost.events.CloudEventHeaders;

/**
 * A record's stream time is its CloudEvents {@code time}: when the state change happened (the outbox row's time), not
 * when the relay sent it, so windows and grace periods follow the business's clock even after a relay outage.
 * Falls back to the record's own timestamp when the header is missing or unreadable.
 */
public final class CloudEventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return CloudEventSerde.header(record.headers(), CloudEventHeaders.TIME).map(time -> {
            try {
                return Instant.parse(time).toEpochMilli();
            } catch (DateTimeParseException e) {
                return record.timestamp();
            }
        }).orElse(record.timestamp());
    }
}
