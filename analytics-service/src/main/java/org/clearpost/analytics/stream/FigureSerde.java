package org.clearpost.analytics.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.clearpost.events.EventJson;
import org.clearpost.events.figures.Figure;

/** A figure as JSON, the form of its topic and of its state store (EventJson's mapper: ISO-8601 times). */
public final class FigureSerde {

    private FigureSerde() {
    }

    public static <F extends Figure> Serde<F> of(Class<F> type) {
        return json(type);
    }

    /** Any JSON-mapped value, for a topology's internal stores (aggregates, joins). */
    public static <T> Serde<T> json(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return EventJson.mapper().writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + type.getSimpleName(), e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EventJson.mapper().readValue(bytes, type);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + type.getSimpleName(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
