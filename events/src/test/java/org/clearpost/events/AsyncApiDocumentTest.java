package org.clearpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearpost.events.AsyncApiDocument.ChannelKind;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

/**
 * The committed AsyncAPI document is exactly what the catalogues generate, is a valid AsyncAPI 3.0.0 document, and
 * says what the catalogues say: a channel per topic, a message per event and figure type with its schema, the
 * CloudEvents headers, one writer per channel. (infra's AsyncApiTopicsTest holds it against a real broker.)
 */
class AsyncApiDocumentTest {

    private static final Path COMMITTED = Path.of("src/main/resources/asyncapi.json");

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String generated = AsyncApiDocument.json();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("%s is stale: regenerate it with ./mvnw -B -ntp -o verify -pl events -Dtest=AsyncApiDocumentTest "
                        + "-Dasyncapi.write=true", COMMITTED)
                .isEqualTo(generated);
        assertThat(AsyncApiDocument.class.getResource(AsyncApiDocument.RESOURCE)).isNotNull();
    }

    @Test
    void theDocumentIsValidAsyncApi300() throws IOException {
        JsonSchema asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in,
                    SchemaValidatorsConfig.builder().build());
        }

        assertThat(asyncApi.validate(AsyncApiDocument.document())).isEmpty();
    }

    /** The check above must be able to fail: a document missing what AsyncAPI requires is refused. */
    @Test
    void theAsyncApiSchemaRefusesABrokenDocument() throws IOException {
        JsonSchema asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in,
                    SchemaValidatorsConfig.builder().build());
        }
        ObjectNode broken = AsyncApiDocument.document();
        broken.remove("info");
        ((ObjectNode) broken.get("operations").elements().next()).put("action", "publish");

        assertThat(asyncApi.validate(broken)).isNotEmpty();
    }

    @Test
    void everyTopicIsAChannelWithItsOneWriterSendingAndItsReadersReceiving() {
        JsonNode document = AsyncApiDocument.document();
        List<String> channels = new ArrayList<>();
        document.get("channels").fieldNames().forEachRemaining(channels::add);
        List<String> expected = new ArrayList<>(KafkaAccess.topics());
        assertThat(channels).containsExactlyInAnyOrderElementsOf(expected).containsAll(Topics.ALL)
                .containsAll(Topics.INTERNAL)
                .containsAll(Arrays.stream(FigureType.values()).map(FigureType::topic).toList());
        for (String topic : channels) {
            JsonNode channel = document.get("channels").get(topic);
            assertThat(channel.get("address").asText()).isEqualTo(topic);
            assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(topic);
            assertThat(channel.get("x-clearpost-compacted").asBoolean()).as(topic).isEqualTo(Topics.compacted(topic));
            assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asText("delete"))
                    .as(topic).isEqualTo(Topics.compacted(topic) ? "compact" : "delete");
            String writer = KafkaAccess.writersOf(topic).get(0);
            JsonNode send = document.get("operations").get(writer + ".sends." + topic);
            assertThat(send).as("send of " + topic).isNotNull();
            assertThat(send.get("action").asText()).isEqualTo("send");
            assertThat(send.at("/channel/$ref").asText()).isEqualTo("#/channels/" + topic);
            for (KafkaAccess.ServiceAccess service : KafkaAccess.SERVICES) {
                assertThat(document.get("operations").has(service.principal() + ".receives." + topic))
                        .as(service.principal() + " receives " + topic).isEqualTo(service.reads().contains(topic));
            }
        }
        Set<String> senders = new HashSet<>();
        document.get("operations").forEach(operation -> {
            if (operation.get("action").asText().equals("send")) {
                senders.add(operation.at("/channel/$ref").asText());
            }
        });
        assertThat(senders).hasSize(channels.size());
        assertThat(AsyncApiDocument.kindOf(Topics.MONITORING_RAW_MENTIONS)).isEqualTo(ChannelKind.INTERNAL);
        assertThat(AsyncApiDocument.kindOf(Topics.deadLetter("drafting-service"))).isEqualTo(ChannelKind.DEAD_LETTER);
    }

    @Test
    void everyEventAndFigureTypeIsAMessageOfItsTopicWithItsSchemaAndItsCloudEventsType() {
        JsonNode document = AsyncApiDocument.document();
        for (EventType type : EventType.values()) {
            assertMessage(document, type.topic(), type.ceType(), type.schemaResource(),
                    KafkaAccess.writersOf(type.topic()).get(0), type.recordType().getSimpleName());
        }
        for (FigureType type : FigureType.values()) {
            assertMessage(document, type.topic(), type.ceType(), type.schemaResource(), "analytics-service",
                    type.recordType().getSimpleName());
        }
        int cloudEventMessages = 0;
        for (JsonNode message : document.at("/components/messages")) {
            if (message.has("payload") && message.at("/payload/schemaFormat").isTextual()) {
                cloudEventMessages++;
            }
        }
        assertThat(cloudEventMessages).isEqualTo(EventType.values().length + FigureType.values().length);
    }

    /** A real event's CloudEvents headers, as the outbox relay writes them, satisfy the message's headers schema. */
    @Test
    void theHeadersSchemaAcceptsAnEventsHeadersAndRefusesAnotherType() throws IOException {
        JsonNode document = AsyncApiDocument.document();
        ObjectNode headersSchema = ((ObjectNode) document.at("/components/messages/clearpost.post.drafted.v1/headers"))
                .deepCopy();
        headersSchema.set("$defs", document.at("/components/schemas"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                EventJson.mapper().readTree(headersSchema.toString().replace("#/components/schemas/", "#/$defs/")),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        ObjectNode headers = EventJson.mapper().createObjectNode();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_specversion", "1.0");
        headers.put("ce_type", "clearpost.post.drafted.v1");
        headers.put("ce_source", "/clearpost/drafting-service");
        headers.put("ce_time", "2026-03-29T00:30:00Z");
        headers.put("ce_subject", UUID.randomUUID().toString());
        headers.put("content-type", "application/json");

        assertThat(schema.validate(headers)).isEmpty();
        headers.put("ce_type", "clearpost.post.cleared.v1");
        headers.remove("ce_time");
        assertThat(schema.validate(headers)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static void assertMessage(JsonNode document, String topic, String ceType, String schemaResource,
            String owner, String name) {
        JsonNode reference = document.at("/channels/" + topic + "/messages/" + ceType + "/$ref");
        assertThat(reference.asText()).as(ceType).isEqualTo("#/components/messages/" + ceType);
        JsonNode message = document.at("/components/messages/" + ceType);
        assertThat(message.get("name").asText()).isEqualTo(name);
        assertThat(message.at("/payload/schemaFormat").asText()).isEqualTo(AsyncApiDocument.SCHEMA_FORMAT);
        String payload = message.at("/payload/schema/$ref").asText();
        assertThat("/" + payload).as(ceType + " payload").isEqualTo(schemaResource);
        assertThat(AsyncApiDocument.class.getResource("/" + payload)).as(payload).isNotNull();
        assertThat(message.at("/headers/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/cloudEventsHeaders");
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(ceType);
        assertThat(message.at("/headers/allOf/1/properties/ce_source/const").asText()).isEqualTo("/clearpost/" + owner);
        assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(message.at("/summary").asText()).isNotBlank();
    }
}
