package org.clearpost.events.figures;

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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clearpost.events.EventJson;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every figure row as analytics writes it (EventJson's mapper) is valid against its schema and reads back equal. */
class FigureSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static Stream<Figure> examples() {
        Instant now = Instant.parse("2026-03-29T00:30:00Z");
        LocalDate monday = LocalDate.parse("2026-03-23");
        UUID postId = UUID.randomUUID();
        Percentiles some = new Percentiles(12, 5400.5, 21_600, 86_400);
        return Stream.of(
                new PostActivity(LocalDate.parse("2026-03-29"), Network.X, "clearpost_demo", "clean-air-2027", 3, 2,
                        0, 1, 2, 0, now),
                new PostActivity(LocalDate.parse("2026-03-29"), Network.FACEBOOK, "1234567890", null, 1, 0, 1, 0, 0,
                        0, now),
                new ClearanceTurnaround("normal", monday, 12, 9, 1, 2, 1, some, new Percentiles(12, 7200, 90_000,
                        259_200), "AAAAAgAAAAA=", "AAAAAwAAAAA=", now),
                new ClearanceTurnaround("pre-election", monday, 0, 0, 0, 0, 2, Percentiles.NONE, Percentiles.NONE,
                        null, null, now),
                new MentionsHourly(Instant.parse("2026-03-29T00:00:00Z"), "network", "X", 42, now),
                new MentionsHourly(Instant.parse("2026-03-29T00:00:00Z"), "reason", "REPUTATION_RISK", 3, now),
                new ResponseTimes(monday, "ALL", 40, 37, some, some, "AAAAAgAAAAA=", now),
                new ResponseTimes(monday, "MASTODON", 0, 0, Percentiles.NONE, Percentiles.NONE, null, now),
                new PreElectionReport(UUID.randomUUID(), "General election 2029", "general", "UK", now,
                        now.plusSeconds(86_400 * 40L), false, 7, 6, 1, 1, 4,
                        List.of(new PreElectionReport.Exemption(postId, 2, "Public safety: flood warning", "lee",
                                null, now)),
                        List.of(new PreElectionReport.Refusal(postId, 1, List.of("Names a candidate"), "colin",
                                now)), now),
                new PreElectionReport(UUID.randomUUID(), null, null, null, null, null, true, 0, 0, 0, 0, 0, null,
                        null, now),
                new PostEngagement(UUID.randomUUID(), postId, Network.X, "clearpost_demo", "clean-air-2027",
                        "1790000000000", now, "24h", Map.of("impressions", 15_200L, "likes", 120L, "linkClicks",
                                37L), now.plusSeconds(86_400), now.plusSeconds(86_400)),
                new PostEngagement(UUID.randomUUID(), postId, Network.FACEBOOK, "1234567890", null, "1234567890_1",
                        now, "1h", Map.of(), now.plusSeconds(3600), now.plusSeconds(3600)),
                new EngagementTotals("clean-air-2027", Network.X, 4, Map.of("impressions", 60_000L, "reposts", 90L),
                        now),
                new EngagementTotals(null, Network.FACEBOOK, 1, null, now),
                new CampaignReport("clean-air-2027", "Clean Air 2027 £ 🎉", LocalDate.parse("2027-01-04"),
                        LocalDate.parse("2027-03-31"), List.of(new CampaignReport.Row(Network.X,
                                "clearpost_campaign", 3, 1, 45_000, 900, 120)), now),
                new CampaignReport("no-definition-yet", null, null, null, List.of(), now));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyFigureSerialisesToJsonValidAgainstItsSchema(Figure figure) throws IOException {
        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(figure));

        assertThat(schemaOf(FigureType.of(figure)).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyFigureReadsBackEqual(Figure figure) throws IOException {
        FigureType type = FigureType.of(figure);

        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(figure), type.recordType()))
                .isEqualTo(figure);
    }

    @Test
    void everyFigureTypeHasASchemaAnExampleAUniqueNameAndATopicUnderThePrefix() {
        for (FigureType type : FigureType.values()) {
            assertThat(FigureType.class.getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
            assertThat(FigureType.named(type.figureName())).contains(type);
            assertThat(type.topic()).startsWith(FigureType.TOPIC_PREFIX);
        }
        assertThat(examples().map(FigureType::of).distinct()).containsExactlyInAnyOrder(FigureType.values());
        assertThat(Figure.class.getPermittedSubclasses()).containsExactlyInAnyOrder(
                Arrays.stream(FigureType.values()).map(FigureType::recordType).toArray(Class[]::new));
    }

    @Test
    void schemasRejectWhatTheContractForbids() throws IOException {
        ObjectNode turnaround = (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(
                examples().filter(ClearanceTurnaround.class::isInstance).findFirst().orElseThrow()));
        turnaround.remove("route");
        ((ObjectNode) turnaround.get("businessSeconds")).remove("p90");
        turnaround.put("weekStart", "2026-W13");
        turnaround.put("key", "normal|2026-03-23");

        assertThat(schemaOf(FigureType.CLEARANCE_TURNAROUND).validate(turnaround))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("route"))
                .anyMatch(m -> m.contains("p90")).anyMatch(m -> m.contains("weekStart"))
                .anyMatch(m -> m.contains("key"));
    }

    @Test
    void engagementFiguresAcceptOnlyClearpostMetricNames() throws IOException {
        ObjectNode totals = (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(
                examples().filter(EngagementTotals.class::isInstance).findFirst().orElseThrow()));
        ((ObjectNode) totals.get("metrics")).put("post_impressions", 10);

        assertThat(schemaOf(FigureType.ENGAGEMENT_TOTALS).validate(totals)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("post_impressions"));
    }

    private static JsonSchema schemaOf(FigureType type) throws IOException {
        try (InputStream in = FigureType.class.getResourceAsStream(type.schemaResource())) {
            return FACTORY.getSchema(in, CONFIG);
        }
    }
}
