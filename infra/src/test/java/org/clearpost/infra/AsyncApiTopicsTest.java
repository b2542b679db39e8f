package org.clearpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.clearpost.events.AsyncApiDocument;
import org.clearpost.events.EventType;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AsyncAPI document analysts are given ({@code asyncapi.json} in the events module) against a real broker set up
 * the way the launcher sets it up ({@link KafkaSecurity#provision}): every Clearpost topic on the broker is a channel
 * and every channel a topic, compaction and partitions are what the broker has, and every payload is the schema
 * resource the events module ships for that type.
 */
class AsyncApiTopicsTest {

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;
    static JsonNode document;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = KafkaBroker.start(dataDir, 0, "test-super-user-" + UUID.randomUUID());
        Map<String, String> passwords = KafkaAccess.principals().stream()
                .collect(Collectors.toMap(Function.identity(), p -> UUID.randomUUID().toString()));
        KafkaSecurity.provision(broker, passwords);
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            assertThat(in).as("the events module ships " + AsyncApiDocument.RESOURCE).isNotNull();
            document = new ObjectMapper().readTree(in);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyClearpostTopicOnTheBrokerIsAChannelAndEveryChannelATopicWithItsCompactionAndPartitions()
            throws Exception {
        try (Admin admin = Admin.create(broker.superUserClientConfig())) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(KafkaAccess.TOPIC_PREFIX)).collect(Collectors.toSet());
            List<String> channels = new ArrayList<>();
            document.get("channels").forEach(channel -> channels.add(channel.get("address").asText()));

            assertThat(channels).containsExactlyInAnyOrderElementsOf(topics);

            List<ConfigResource> resources = topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (ConfigResource resource : resources) {
                String topic = resource.name();
                JsonNode channel = channelOf(topic);
                List<String> declared = new ArrayList<>();
                channel.at("/bindings/kafka/topicConfiguration/cleanup.policy").forEach(p -> declared.add(p.asText()));
                String onBroker = configs.get(resource).get("cleanup.policy").value();
                assertThat(declared.contains("compact")).as(topic + " compacted: broker says " + onBroker)
                        .isEqualTo(onBroker.contains("compact"));
                assertThat(channel.get("x-clearpost-compacted").asBoolean()).as(topic)
                        .isEqualTo(onBroker.contains("compact"));
                JsonNode partitions = channel.at("/bindings/kafka/partitions");
                if (!partitions.isMissingNode()) {
                    assertThat(descriptions.get(topic).partitions()).as(topic + " partitions")
                            .hasSize(partitions.asInt());
                }
            }
        }
    }

    /** Each CloudEvents message's payload is the schema the events module validates its examples against. */
    @Test
    void everyMessagesPayloadIsItsTypesSchemaResource() throws IOException {
        Map<String, String> expected = new HashMap<>();
        for (EventType type : EventType.values()) {
            expected.put(type.ceType(), type.schemaResource());
        }
        for (FigureType type : FigureType.values()) {
            expected.put(type.ceType(), type.schemaResource());
        }
        Map<String, String> found = new HashMap<>();
        for (JsonNode channel : document.get("channels")) {
            String topic = channel.get("address").asText();
            for (var entries = channel.get("messages").fields(); entries.hasNext(); ) {
                var entry = entries.next();
                JsonNode message = resolve(entry.getValue().get("$ref").asText());
                JsonNode reference = message.at("/payload/schema/$ref");
                if (reference.isMissingNode()) {
                    continue;  // internal and dead-letter channels: no contract payload
                }
                String ceType = message.at("/headers/allOf/1/properties/ce_type/const").asText();
                String resource = "/" + reference.asText();
                found.put(ceType, resource);
                assertThat(topicOf(ceType)).as(ceType + " on " + topic).isEqualTo(topic);
                try (InputStream in = AsyncApiDocument.class.getResourceAsStream(resource)) {
                    assertThat(in).as(resource).isNotNull();
                    JsonNode schema = new ObjectMapper().readTree(in);
                    assertThat(schema.get("$id").asText()).endsWith(resource);
                    assertThat(schema.get("additionalProperties").asBoolean(true)).as(resource).isFalse();
                }
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    private static String topicOf(String ceType) {
        return EventType.fromCeType(ceType).map(EventType::topic).orElseGet(() -> java.util.Arrays
                .stream(FigureType.values()).filter(type -> type.ceType().equals(ceType)).findFirst().orElseThrow()
                .topic());
    }

    private static JsonNode channelOf(String topic) {
        for (JsonNode channel : document.get("channels")) {
            if (channel.get("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode resolve(String reference) {
        assertThat(reference).startsWith("#/");
        return document.at(reference.substring(1));
    }
}
