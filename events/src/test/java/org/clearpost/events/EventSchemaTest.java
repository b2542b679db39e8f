package org.clearpost.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static Stream<ClearpostEvent> examples() {
        UUID postId = UUID.randomUUID();
        Instant now = Instant.parse("2026-03-29T00:30:00Z");
        String hash = "sha256:" + "ab".repeat(32);
        List<Target> targets = List.of(new Target(UUID.randomUUID(), Network.X, "clearpost_demo"),
                new Target(UUID.randomUUID(), Network.FACEBOOK, "1234567890"));
        return Stream.of(
                new PostDrafted(postId, 1, hash, "dana", "Our new guidance is out", targets, null, now),
                new PostDrafted(postId, 2, hash, "dana", "Scheduled £ 🎉 漢字", targets, now.plusSeconds(3600), now),
                new PostCleared(postId, 1, hash, "dana", "colin", "Fine", "Our new guidance is out", targets, null,
                        now),
                new PostCleared(postId, 1, hash, "dana", "colin", null, "Text", targets, now, now),
                new PostRejected(postId, 1, hash, "colin", "Too informal", now),
                new PostPublished(postId, 1, targets.get(0).targetId(), Network.X, "clearpost_demo", "1790000000000",
                        "https://x.com/clearpost_demo/status/1790000000000", now),
                new PublicationFailed(postId, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                        "Graph API answered 400: (#200) permissions error", now),
                new MentionReceived(UUID.randomUUID(), Network.FACEBOOK, "1234567890_42", "1234567890", "77",
                        "A Citizen", "Is the office open on Monday?", "https://www.facebook.com/1234567890_42", now,
                        now),
                new MentionReceived(UUID.randomUUID(), Network.X, "1790000000001", "clearpost_demo", null, null, "",
                        null, now, now),
                new PublishingSuspended(UUID.randomUUID(), "lee", "Major incident: hold all posts", now),
                new PublishingResumed(UUID.randomUUID(), "lee", "Incident over", now),
                new PublishingResumed(UUID.randomUUID(), "ada", null, now));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyEventSerialisesToJsonValidAgainstItsSchema(ClearpostEvent event) throws IOException {
        EventType type = EventType.of(event);
        JsonNode json = EventJson.mapper().readTree(EventJson.write(event));

        assertThat(schemaOf(type).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyEventReadsBackEqual(ClearpostEvent event) {
        EventType type = EventType.of(event);

        assertThat(EventJson.read(type, EventJson.write(event))).isEqualTo(event);
    }

    @Test
    void schemasRejectWhatTheContractForbids() throws IOException {
        ObjectNode drafted = (ObjectNode) EventJson.mapper().readTree(EventJson.write(examples().findFirst()
                .orElseThrow()));
        drafted.remove("author");
        drafted.put("contentHash", "md5:abc");
        drafted.put("unexpected", true);

        Set<ValidationMessage> errors = schemaOf(EventType.POST_DRAFTED).validate(drafted);

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("author"))
                .anyMatch(m -> m.contains("contentHash")).anyMatch(m -> m.contains("unexpected"));
    }

    @Test
    void everyEventTypeHasASchemaAUniqueCeTypeAndAKnownTopic() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.class.getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
            assertThat(EventType.fromCeType(type.ceType())).contains(type);
            assertThat(Topics.ALL).contains(type.topic());
        }
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType).distinct()).hasSize(EventType.values().length);
        assertThat(ClearpostEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Arrays.stream(EventType.values()).map(EventType::recordType)
                        .toArray(Class[]::new));
    }

    private static JsonSchema schemaOf(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            return FACTORY.getSchema(in, CONFIG);
        }
    }
}
