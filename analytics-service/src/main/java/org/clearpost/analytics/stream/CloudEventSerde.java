package org.clearpost.analytics.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.MalformedEventException;

/**
 * Reads a binary-mode CloudEvent (type in the {@code ce_type} header, JSON body) as its {@link ClearpostEvent}. A type
 * this release does not know reads as {@code null} (a newer producer may add types to a topic; the topology skips
 * nulls); a record that is not a readable event throws {@link MalformedEventException}. Writing goes through the
 * outbox, never through this serde.
 */
public final class CloudEventSerde implements Serde<ClearpostEvent> {

    @Override
    public Serializer<ClearpostEvent> serializer() {
        return (topic, event) -> event == null ? null : EventJson.write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<ClearpostEvent> deserializer() {
        return new Deserializer<>() {
            @Override
            public ClearpostEvent deserialize(String topic, byte[] data) {
                throw new MalformedEventException("A CloudEvent on " + topic + " needs its ce_type header");
            }

            @Override
            public ClearpostEvent deserialize(String topic, Headers headers, byte[] data) {
                String ceType = header(headers, CloudEventHeaders.TYPE)
                        .orElseThrow(() -> new MalformedEventException("A record on " + topic + " has no ce_type"));
                Optional<EventType> type = EventType.fromCeType(ceType);
                if (type.isEmpty()) {
                    return null;
                }
                if (data == null) {
                    throw new MalformedEventException("A " + ceType + " on " + topic + " has no body");
                }
                return EventJson.read(type.get(), new String(data, StandardCharsets.UTF_8));
            }
        };
    }

    static Optional<String> header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
