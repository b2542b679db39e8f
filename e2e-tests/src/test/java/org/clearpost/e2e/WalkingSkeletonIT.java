package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Topics;
import org.clearpost.local.Component;
import org.clearpost.testing.CloudEventAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One post and one mention through the whole chain, on real Kafka, PostgreSQL and Keycloak, with every service a
 * separate process: what a Communications team does on its first day.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class WalkingSkeletonIT {

    private static final Duration PATIENCE = Journeys.PATIENCE;
    private static final String X_ACCOUNT = "clearpost_demo";
    private static final String FACEBOOK_PAGE = "100200300400";

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-x-token");
        journeys.connectFacebookPage(FACEBOOK_PAGE, "e2e-facebook-token");
    }

    @Test
    void aPostDraftedByDanaAndClearedByColinIsPublishedOnceOnEachNetwork() {
        String text = "Our guidance on subject access requests is updated " + UUID.randomUUID();
        UUID postId = draftedAndSubmitted(text, List.of(Map.of("network", "X", "account", X_ACCOUNT),
                Map.of("network", "FACEBOOK", "account", FACEBOOK_PAGE)));

        String caseId = journeys.awaitCase(postId);
        platform.as("dana", Component.CLEARANCE).post("/clearances/{id}/approve", caseId).then().statusCode(403);
        platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Factual and clear"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));

        journeys.awaitPostStatus(postId, "PUBLISHED");
        JsonPath published = journeys.post(postId);
        assertThat(published.getString("targets[0].url")).startsWith("https://x.com/" + X_ACCOUNT + "/status/");
        assertThat(published.getString("targets[1].url")).startsWith("https://www.facebook.com/" + FACEBOOK_PAGE + "_");

        assertThat(journeys.heldInSandbox(text)).extracting(p -> p.get("network"))
                .containsExactlyInAnyOrder("x", "facebook");

        String key = postId.toString();
        PostDrafted drafted = (PostDrafted) CloudEventAssertions.assertCloudEvent(
                journeys.onlyRecord(Topics.DRAFTING_POSTS, postId), EventType.POST_DRAFTED,
                "/clearpost/drafting-service");
        PostCleared cleared = (PostCleared) CloudEventAssertions.assertCloudEvent(
                journeys.onlyRecord(EventType.POST_CLEARED, postId), EventType.POST_CLEARED,
                "/clearpost/clearance-service");
        List<ConsumerRecord<String, String>> publications = platform.kafka().awaitRecords(
                Topics.PUBLISHER_PUBLICATIONS, r -> key.equals(r.key()), PATIENCE);
        assertThat(publications).hasSize(2);
        publications.forEach(r -> CloudEventAssertions.assertCloudEvent(r, EventType.POST_PUBLISHED,
                "/clearpost/publisher-service"));
        assertThat(drafted.author()).isEqualTo("dana");
        assertThat(cleared.clearedBy()).isEqualTo("colin");
        assertThat(cleared.contentHash()).isEqualTo(drafted.contentHash());
        assertThat(publications).extracting(r -> ((PostPublished) CloudEventAssertions.assertCloudEvent(r,
                EventType.POST_PUBLISHED, "/clearpost/publisher-service")).externalId()).doesNotHaveDuplicates();
    }

    @Test
    void anEmergencyStopHoldsAClearedPostUntilPublishingResumes() {
        String text = "Held during the emergency stop " + UUID.randomUUID();
        platform.as("lee", Component.CLEARANCE).body(Map.of("reason", "Major incident: the channel is for updates only"))
                .post("/publishing/suspension").then().statusCode(200);
        UUID postId;
        try {
            await().atMost(PATIENCE).until(() -> platform.as("dana", Component.PUBLISHER).get("/publishing/state")
                    .then().statusCode(200).extract().jsonPath().getBoolean("suspended"));
            postId = draftedAndSubmitted(text, List.of(Map.of("network", "X", "account", X_ACCOUNT)));
            String caseId = journeys.awaitCase(postId);
            platform.as("colin", Component.CLEARANCE).body(Map.of()).post("/clearances/{id}/approve", caseId).then()
                    .statusCode(200);

            await().atMost(PATIENCE).until(() -> platform.as("dana", Component.PUBLISHER)
                    .queryParam("postId", postId).get("/publications").then().statusCode(200).extract().jsonPath()
                    .getList("held", Boolean.class).contains(true));
            assertThat(journeys.heldInSandbox(text)).isEmpty();
            // Drafting learns of the clearance on its own consumer, independently of the publisher.
            journeys.awaitPostStatus(postId, "CLEARED");
            assertThat(journeys.heldInSandbox(text)).isEmpty();
        } finally {
            platform.as("lee", Component.CLEARANCE).body(Map.of("reason", "Incident over"))
                    .delete("/publishing/suspension").then().statusCode(200);
        }

        journeys.awaitPostStatus(postId, "PUBLISHED");
        assertThat(journeys.heldInSandbox(text)).hasSize(1);
    }

    @Test
    void aMentionSentByTheNetworkReachesTheInboxAndTheFigures() {
        String message = "Is the helpline open on Monday? " + UUID.randomUUID();
        platform.anonymous(Component.SANDBOX).body(Map.of("network", "facebook", "pageId", FACEBOOK_PAGE,
                "authorId", "5550001", "authorName", "A Citizen", "message", message))
                .post("/sandbox/mentions").then().statusCode(202).body("webhookStatus", equalTo(200));

        await().atMost(PATIENCE).until(() -> platform.as("mo", Component.MONITORING).get("/inbox").then()
                .statusCode(200).extract().jsonPath().getList("text").contains(message));
        ConsumerRecord<String, String> record = platform.kafka().awaitRecords(Topics.MONITORING_MENTIONS,
                r -> r.value().contains(message), PATIENCE).get(0);
        MentionReceived mention = (MentionReceived) CloudEventAssertions.assertCloudEvent(record,
                EventType.MENTION_RECEIVED, "/clearpost/monitoring-service");
        assertThat(mention.account()).isEqualTo(FACEBOOK_PAGE);

        // mentions-hourly by network: the hour the mention was written counts it. Kafka
        // Streams answers 503 while it (re)balances, so a poll may see that before the rows.
        Instant hour = (mention.mentionedAt() != null ? mention.mentionedAt() : mention.receivedAt())
                .truncatedTo(ChronoUnit.HOURS);
        await().atMost(PATIENCE).until(() -> {
            var response = platform.as("ana", Component.ANALYTICS).queryParam("dimension", "network")
                    .queryParam("value", "FACEBOOK").queryParam("from", hour.toString())
                    .queryParam("to", hour.plus(1, ChronoUnit.HOURS).toString()).get("/figures/mentions-hourly");
            if (response.statusCode() == 503) {
                return false;
            }
            List<Map<String, Object>> rows = response.then().statusCode(200).extract().jsonPath().getList("$");
            return rows.stream().anyMatch(row -> "network".equals(row.get("dimension"))
                    && "FACEBOOK".equals(row.get("value")) && ((Number) row.get("mentions")).longValue() >= 1);
        });
    }

    @Test
    void mentionsReadFromXsStreamAndMastodonReachTheInboxWithTheQueriesTheyMatch() {
        // The local platform points every intake at the sandbox; its firehose mentions the body's accounts.
        String queryId = platform.as("mo", Component.MONITORING).body(Map.of("name", "Our accounts", "purpose", "BODY",
                "query", "@clearpost_demo OR @clearpost_news")).post("/queries").then().statusCode(201)
                .extract().jsonPath().getString("id");
        platform.anonymous(Component.SANDBOX).body(Map.of("networks", List.of("x", "mastodon"), "perSecond", 10,
                "seconds", 1)).post("/sandbox/firehose/burst").then().statusCode(202);

        for (String network : List.of("X", "MASTODON")) {
            await().atMost(PATIENCE).until(() -> !platform.as("mo", Component.MONITORING)
                    .queryParam("network", network).get("/inbox").then().statusCode(200).extract().jsonPath()
                    .getList("id").isEmpty());
        }
        await().atMost(PATIENCE).until(() -> platform.as("mo", Component.MONITORING).queryParam("network", "X")
                .get("/inbox").then().statusCode(200).extract().jsonPath().getList("matchedQueries.flatten()")
                .contains(queryId));
    }

    @Test
    void everyServiceWantsATokenAndTheRightRole() {
        for (Component service : Component.SERVICES) {
            platform.anonymous(service).get("/q/health/ready").then().statusCode(200);
        }
        platform.anonymous(Component.DRAFTING).get("/posts").then().statusCode(401);
        platform.as("mo", Component.DRAFTING).get("/posts").then().statusCode(403);
        platform.as("dana", Component.CLEARANCE).get("/clearances").then().statusCode(403);
        platform.as("dana", Component.ANALYTICS).get("/figures/mentions-hourly").then().statusCode(403);
        platform.as("dana", Component.DRAFTING).body(Map.of("text", "", "targets", List.of()))
                .post("/posts").then().statusCode(400).contentType(containsString("application/problem+json"));
    }

    private static UUID draftedAndSubmitted(String text, List<Map<String, String>> targets) {
        return journeys.draftedAndSubmitted(Map.of("text", text, "targets", targets));
    }
}
