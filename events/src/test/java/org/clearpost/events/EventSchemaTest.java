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
import java.time.LocalDate;
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
        MediaItem photo = new MediaItem(UUID.randomUUID(), MediaKind.IMAGE, "image/png", 48_213, "cd".repeat(32),
                "A chart of response times", null, "http://localhost:8081/media/x/content");
        Target campaignX = new Target(UUID.randomUUID(), Network.X, "clearpost_campaign",
                "Part 1 of our guide https://example.gov.uk/?utm_source=x", List.of("Part 2", "Part 3"), null,
                null, List.of(photo), null);
        Target corporateShare = new Target(UUID.randomUUID(), Network.X, "clearpost_demo", null, List.of(), null,
                null, List.of(), campaignX.targetId());
        Target facebook = new Target(UUID.randomUUID(), Network.FACEBOOK, "1234567890", "Our guide, in full", null,
                null, "Questions? Reply here in office hours.", List.of(photo), null);
        List<Target> rich = List.of(campaignX, corporateShare, facebook);
        CampaignRef campaign = new CampaignRef("clean-air-2027", "Clean Air 2027", LocalDate.parse("2027-01-04"),
                null);
        LiveEventRef live = new LiveEventRef(UUID.randomUUID(), "Annual conference", "#ClearpostConf",
                now.minusSeconds(3600), now.plusSeconds(7200));
        LiveEventRef liveWithoutTimes = new LiveEventRef(UUID.randomUUID(), "Launch", null);
        ExternalPost mention = new ExternalPost(Network.X, "1790000000001", "a_citizen",
                "https://x.com/a_citizen/status/1790000000001", UUID.randomUUID());
        List<ContentWarning> warnings = List.of(new ContentWarning(null, "reading-ease", "Reading ease 38 < 60"),
                new ContentWarning(facebook.targetId(), "own-site-link", "No link to the body's website"));
        return Stream.of(
                new PostDrafted(postId, 1, hash, "dana", "Our new guidance is out", targets, null, null, null, null,
                        null, null, List.of(), now),
                new PostDrafted(postId, 2, hash, "dana", "Scheduled £ 🎉 漢字", rich, now.plusSeconds(3600),
                        campaign, live, "Public safety information", mention, null, warnings, now),
                new PostDrafted(postId, 3, hash, "dana", "", targets, null, null, null, null, null, mention, null,
                        now),
                new PostDrafted(postId, 4, hash, "dana", "Live now", targets, null, null, liveWithoutTimes, null,
                        null, null, List.of(), now),
                new PostVersionWithdrawn(postId, 1, hash, "dana", PostVersionWithdrawn.WithdrawalReason.EDITED, now),
                new CampaignDefined("clean-air-2027", "Clean Air 2027", LocalDate.parse("2027-01-04"),
                        LocalDate.parse("2027-03-31"), "Residents", "#CleanAir2027",
                        List.of(new AccountRef(Network.X, "clearpost_campaign")), "dana", now),
                new PostCleared(postId, 1, hash, "dana", "normal", "colin", "Fine", "Our new guidance is out",
                        targets, null, null, null, null, null, now),
                new PostCleared(postId, 2, hash, "dana", "pre-election", "lee", null, "Text", rich, now, campaign,
                        live, mention, null, now),
                DecisionSignatures.sign(new PostCleared(postId, 3, hash, "dana", "normal", "colin", null, "Held",
                        targets, null, null, null, null, null, now).withHeldBySuspension(UUID.randomUUID()),
                        DecisionSignatures.generatePrivateJwk()),
                new PostRejected(postId, 1, hash, "colin", "Too informal", now),
                new ChangesRequested(postId, 1, hash, "colin", "Add the link to the guidance page", now),
                new ClearanceOverdue(postId, 1, UUID.randomUUID(), "normal", now, List.of("lee"), now),
                new ClearanceRerouted(postId, 1, UUID.randomUUID(), "normal", "pre-election",
                        "pre-election period \"General election 2029\" declared by lee", UUID.randomUUID(), now),
                new ClearanceRerouted(postId, 1, UUID.randomUUID(), "live", "normal",
                        "live event \"Launch\" is not on", null, now),
                new PostPublished(postId, 1, targets.get(0).targetId(), Network.X, "clearpost_demo", "1790000000000",
                        "https://x.com/clearpost_demo/status/1790000000000", false, now),
                new PostPublished(postId, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                        "1234567890_1", "https://www.facebook.com/1234567890_1", true, now),
                new PublicationFailed(postId, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                        "Graph API answered 400: (#200) permissions error", now),
                new MentionReceived(UUID.randomUUID(), Network.FACEBOOK, "1234567890_42", "1234567890", "77",
                        "A Citizen", "Is the office open on Monday?", "https://www.facebook.com/1234567890_42", now,
                        now),
                new MentionReceived(UUID.randomUUID(), Network.X, "1790000000001", "clearpost_demo", null, null, "",
                        null, now, now),
                new MentionReceived(UUID.randomUUID(), Network.MASTODON, "109000000000000001", null, "42",
                        "A Citizen", "The ICO's new guidance on subject access", "https://mastodon.example/@a/1", now,
                        now, List.of(UUID.randomUUID(), UUID.randomUUID()), false, now),
                new PublishingSuspended(UUID.randomUUID(), "lee", "Major incident: hold all posts", now),
                new PublishingResumed(UUID.randomUUID(), "lee", "Incident over", now),
                new PublishingResumed(UUID.randomUUID(), "ada", null, now),
                new PreElectionPeriodDeclared(UUID.randomUUID(), "General election 2029", "general", "UK", now,
                        now.plusSeconds(86_400 * 40L), "lee", now),
                new PreElectionPeriodCancelled(UUID.randomUUID(), "ada", null, now),
                new DecisionSignatureRejected(postId, 1, "colin", UUID.randomUUID().toString(),
                        "/clearpost/clearance-service", "The decision's signature does not verify against clearance's key",
                        Topics.CLEARANCE_DECISIONS, 2, 4711L, now),
                new AccountNeedsReconnect(Network.SOUNDCLOUD, "clearpost-body",
                        "invalid_grant: the refresh token was revoked", 3, now),
                new AccountConnected(Network.SOUNDCLOUD, "clearpost-body", "ada", "oauth2", now.plusSeconds(3600), 3,
                        now),
                new AccountConnected(Network.X, "clearpost_demo", "ada", "token", null, 0, now),
                new TrackedQueryDefined(UUID.randomUUID(), "The Commissioner", TrackedQueryDefined.Purpose.HEAD,
                        "(\"information commissioner\" OR @ico) NOT network:linkedin", "mo", now),
                new TrackedQueryRetired(UUID.randomUUID(), "lee", now),
                new MentionTriaged(mention.mentionId(), Network.X, new MentionTriaged.Sentiment(-0.8316, "NEGATIVE",
                        List.of(new MentionTriaged.Driver("terrible", -2.1), new MentionTriaged.Driver("!!!", -0.3))),
                        List.of(new MentionTriaged.Reason(ResponseReason.REPUTATION_RISK, "negative-about-body",
                                "sentiment -0.83 and names the body")), null, UUID.randomUUID(),
                        MentionPriority.HIGH, List.of("journalist"), true, now.plusSeconds(86_400 * 28L), false,
                        List.of(), MentionState.NEW, now.plusSeconds(4 * 3600), now),
                new MentionTriaged(UUID.randomUUID(), Network.MASTODON, new MentionTriaged.Sentiment(0, "NEUTRAL",
                        List.of()), List.of(), "no rule applies", null, MentionPriority.LOW, List.of(), false, null,
                        true, List.of("spam: link farm"), MentionState.NO_RESPONSE_NEEDED, null, now),
                new MentionActioned(UUID.randomUUID(), mention.mentionId(), InboxAction.ASSIGNED, "mo",
                        MentionState.ASSIGNED, "lee", null, now),
                new MentionActioned(UUID.randomUUID(), mention.mentionId(), InboxAction.NOTE_ADDED, "mo",
                        MentionState.ASSIGNED, null, "Called the press office £ 🎉", now),
                new MentionReplyRequested(UUID.randomUUID(), mention, "clearpost_demo",
                        List.of(mention.mentionId(), UUID.randomUUID()), UUID.randomUUID(),
                        "Thanks for raising this. Our guidance is at https://example.gov.uk", "mo", now),
                new MentionAnswered(mention.mentionId(), Network.X, postId, "1790000000999",
                        "https://x.com/clearpost_demo/status/1790000000999", null, now, now.plusSeconds(14_400),
                        now.plusSeconds(3600), 3600, 3600, true),
                new MentionOverdue(mention.mentionId(), Network.X, MentionPriority.HIGH, MentionState.ASSIGNED, "lee",
                        now, now.plusSeconds(60)),
                new MentionSpikeDetected(UUID.randomUUID(), UUID.randomUUID(), "The Commissioner", now,
                        now.plusSeconds(300), 240, 12.5, 3.1, 73.4,
                        List.of(new MentionSpikeDetected.ThemeCount(UUID.randomUUID(), "fine breach council", 180)),
                        List.of(new MentionSpikeDetected.Sample(mention.mentionId(), Network.X, "Terrible!!!",
                                mention.url())), now.plusSeconds(301)),
                new MentionSpikeAcknowledged(UUID.randomUUID(), UUID.randomUUID(), "lee",
                        "Press office briefed; holding line out", now.plusSeconds(900)),
                new MentionSpikeAcknowledged(UUID.randomUUID(), UUID.randomUUID(), "lee", null, now),
                new TriageRuleDefined(UUID.randomUUID(), ResponseReason.REPUTATION_RISK, "Negative about the head",
                        List.of(UUID.randomUUID()), List.of(TrackedQueryDefined.Purpose.HEAD), "fine OR breach", null,
                        -0.5, List.of("journalist", "critic"), true, "lee", now),
                new TriageRuleDefined(UUID.randomUUID(), ResponseReason.AWARENESS_OPPORTUNITY, "Questions £ 🎉",
                        null, null, null, 0.2, null, null, false, "lee", now),
                new TriageRuleDeleted(UUID.randomUUID(), "lee", now),
                new AuthorListChanged(Network.X, "a_citizen", "journalist", AuthorListChanged.Change.ADDED, "mo",
                        now),
                new AuthorListChanged(Network.MASTODON, "critic@example.social", "critic",
                        AuthorListChanged.Change.REMOVED, "lee", now),
                new SavedReplyDefined(UUID.randomUUID(), "Guidance link",
                        "Thanks {author}, our guidance is at https://example.gov.uk", "mo", now),
                new SavedReplyDeleted(UUID.randomUUID(), "mo", now),
                new PostMetricsSampled(postId, 1, targets.get(0).targetId(), Network.X, "clearpost_demo",
                        "1790000000000", "clean-air-2027", now, "1h", java.util.Map.of("impressions", 1520L,
                        "likes", 12L, "replies", 3L, "reposts", 4L, "quotes", 0L, "bookmarks", 1L, "linkClicks",
                        37L), List.of(), now.plusSeconds(3600)),
                new PostMetricsSampled(postId, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                        "1234567890_1", null, now, "30d", java.util.Map.of("impressions", 8000L, "reach", 5100L),
                        List.of(new PostMetricsSampled.UnavailableMetric("post_clicks_by_type",
                                "withdrawn by the network")), now.plusSeconds(86_400 * 30L)),
                new PostMetricsSampled(postId, 1, targets.get(1).targetId(), Network.FACEBOOK, "1234567890",
                        "1234567890_1", null, now, "7d", null, null, now.plusSeconds(86_400 * 7L)),
                new ClearanceCaseOpened(postId, 1, UUID.randomUUID(), "normal", null, null, 0,
                        now.plusSeconds(86_400), now, now.plusSeconds(1)),
                new ClearanceCaseOpened(postId, 2, UUID.randomUUID(), "pre-election",
                        "pre-election period \"General election 2029\"", UUID.randomUUID(), 2, null, now,
                        now.plusSeconds(1)),
                new PreElectionRefused(UUID.randomUUID(), postId, 2, UUID.randomUUID(),
                        List.of("Names a candidate: \"Jo Bloggs\"", "New initiative announced in the period"),
                        "lee", now),
                new PreElectionExemptionGranted(UUID.randomUUID(), UUID.randomUUID(), postId, 2, UUID.randomUUID(),
                        "Public safety: flood warning", "lee", "Essential, no comparison with candidates", now),
                new PreElectionExemptionGranted(UUID.randomUUID(), UUID.randomUUID(), postId, 3, UUID.randomUUID(),
                        "Road closure £ 🎉", "ada", null, now));
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
    void metricsSampledAcceptsOnlyClearpostMetricNamesAndSampleAges() throws IOException {
        ObjectNode sampled = (ObjectNode) EventJson.mapper().readTree(EventJson.write(examples()
                .filter(PostMetricsSampled.class::isInstance).findFirst().orElseThrow()));
        ((ObjectNode) sampled.get("metrics")).put("post_impressions", 10);
        ((ObjectNode) sampled.get("metrics")).put("likes", -1);
        sampled.put("sampleAge", "2h");

        assertThat(schemaOf(EventType.POST_METRICS_SAMPLED).validate(sampled)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("post_impressions")).anyMatch(m -> m.contains("likes"))
                .anyMatch(m -> m.contains("sampleAge"));
    }

    @Test
    void metricsSchemaListsExactlyTheMetricNamesAndSampleAgesOfTheRecord() throws IOException {
        JsonNode schema;
        try (InputStream in = EventType.class.getResourceAsStream(EventType.POST_METRICS_SAMPLED.schemaResource())) {
            schema = EventJson.mapper().readTree(in);
        }
        assertThat(schema.at("/properties/metrics/propertyNames/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(PostMetricsSampled.METRIC_NAMES);
        assertThat(schema.at("/properties/sampleAge/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(PostMetricsSampled.SAMPLE_AGES);
    }

    @Test
    void everyEventTypeHasAnExample() {
        assertThat(examples().map(EventType::of).distinct()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void schemasRejectABadTargetInsideAPost() throws IOException {
        ObjectNode drafted = (ObjectNode) EventJson.mapper().readTree(EventJson.write(examples().skip(1).findFirst()
                .orElseThrow()));
        ObjectNode media = (ObjectNode) drafted.get("targets").get(0).get("media").get(0);
        media.put("kind", "HOLOGRAM");

        assertThat(schemaOf(EventType.POST_DRAFTED).validate(drafted)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("kind"));
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
