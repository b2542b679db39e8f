package org.clearpost.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;

/** Checks a Kafka record is a well-formed Clearpost CloudEvent of a given type and returns its event. */
public final class CloudEventAssertions {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private CloudEventAssertions() {
    }

    /**
     * Asserts binary-mode CloudEvents headers ({@code ce_id} a UUID, {@code ce_type}, {@code ce_source},
     * {@code ce_specversion} 1.0, {@code ce_time} an instant, {@code content-type} JSON), the record key being the
     * aggregate id, and a body valid against the type's JSON Schema.
     */
    public static ClearpostEvent assertCloudEvent(ConsumerRecord<String, String> record, EventType type,
            String expectedSource) {
        String where = "record " + record.topic() + "@" + record.offset();
        UUID.fromString(require(record, CloudEventHeaders.ID, where));
        check(type.ceType().equals(require(record, CloudEventHeaders.TYPE, where)), where + " has ce_type "
                + KafkaTopicReader.header(record, CloudEventHeaders.TYPE) + ", expected " + type.ceType());
        check(expectedSource.equals(require(record, CloudEventHeaders.SOURCE, where)),
                where + " has ce_source " + KafkaTopicReader.header(record, CloudEventHeaders.SOURCE));
        check(CloudEventHeaders.SPEC_VERSION_1_0.equals(require(record, CloudEventHeaders.SPEC_VERSION, where)),
                where + " is not CloudEvents 1.0");
        Instant.parse(require(record, CloudEventHeaders.TIME, where));
        check(CloudEventHeaders.JSON.equals(require(record, CloudEventHeaders.CONTENT_TYPE, where)),
                where + " is not application/json");
        Set<ValidationMessage> errors = schema(type).validate(readTree(record.value()));
        check(errors.isEmpty(), where + " does not match " + type.schemaResource() + ": " + errors);
        ClearpostEvent event = EventJson.read(type, record.value());
        check(event.aggregateId().equals(record.key()), where + " is keyed " + record.key() + ", not by "
                + event.aggregateId());
        return event;
    }

    private static JsonSchema schema(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return SCHEMAS.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("body is not JSON: " + json, e);
        }
    }

    private static String require(ConsumerRecord<String, String> record, String header, String where) {
        String value = KafkaTopicReader.header(record, header);
        check(value != null && !value.isBlank(), where + " has no " + header + " header");
        return value;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
