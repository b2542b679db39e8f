package org.clearpost.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of events on the wire: ISO-8601 instants, unknown fields tolerated on read so a producer may add
 * optional fields without breaking older consumers.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(ClearpostEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static ClearpostEvent read(EventType type, String json) {
        try {
            return MAPPER.readValue(json, type.recordType());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Body of " + type.ceType() + " is not valid: " + e.getOriginalMessage(),
                    e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
