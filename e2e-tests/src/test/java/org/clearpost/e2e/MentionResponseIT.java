package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.Topics;
import org.clearpost.local.Component;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's journey across the running services (policy 4.1's "topic or theme of multiple comments"): many people
 * post nearly the same complaint; the mentions are stored, triaged and grouped into one theme; a monitor claims it
 * and answers the theme once; a clearer (another person) clears the reply; it goes out on the network as a reply,
 * and every mention it answered is ANSWERED with a {@code MentionAnswered}.
 *
 * <p>One journey, every wait bounded by {@link Journeys#PATIENCE}. Spikes are not part of it: they are counted in
 * 5-minute windows (monitoring's {@code ThemesAndSpikesTest} raises one on the real broker and database).
 */
@ExtendWith(RunningPlatform.Resolver.class)
class MentionResponseIT {

    private static final Duration PATIENCE = Journeys.PATIENCE;
    private static final String X_ACCOUNT = "clearpost_demo";
    private static final int SIMILAR = 12;

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccount(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-x-token");
    }

    @Test
    void aThemeOfSimilarMentionsIsAnsweredOnceThroughClearance() {
        String tag = "helpline" + UUID.randomUUID().toString().substring(0, 8);
        String queryId = Api.trackQuery("E2E " + tag, "#" + tag);

        // Many people post nearly the same thing, mentioning the body's account.
        Api.similarBurst("@" + X_ACCOUNT + " Why is the #" + tag
                + " helpline still closed? I have been trying to get through about my data all week", SIMILAR);

        // Stored and triaged: every mention of the burst is in the inbox with a priority and a theme.
        List<Map<String, Object>> stored = awaitSettled(() -> Api.inbox(Map.of("query", queryId)), SIMILAR);
        assertThat(stored).allSatisfy(m -> {
            assertThat(m.get("priority")).as("priority of %s", m.get("id")).isNotNull();
            assertThat(m.get("themeId")).as("theme of %s", m.get("id")).isNotNull();
        });

        // One theme holds (nearly) all of them.
        Map<String, Object> theme = await().atMost(PATIENCE).until(() -> Api.themes().stream()
                .filter(t -> String.valueOf(t.get("label")).contains(tag)).findFirst().orElse(null),
                t -> t != null && ((Number) t.get("size")).intValue() >= SIMILAR / 2);
        String themeId = String.valueOf(theme.get("id"));
        List<Map<String, Object>> members = Api.inbox(Map.of("theme", themeId));
        assertThat(members).hasSizeGreaterThanOrEqualTo(SIMILAR / 2);
        // "about my data": policy 4.1's awareness opportunity, so the mentions wait for an answer.
        String claimed = members.stream().filter(m -> "NEW".equals(m.get("status"))).map(m -> String.valueOf(m.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no NEW mention in the theme: " + members));

        // Mo claims one of the theme's mentions and answers the whole theme with one reply.
        Api.claim("mo", claimed);
        String replyText = "Sorry for the wait: the helpline is open again, 9am to 5pm on weekdays. " + tag;
        UUID replyId = Api.replyToTheme("mo", themeId, replyText);
        Set<String> answeredIds = new HashSet<>(Api.reply(replyId).getList("mentionIds", String.class));
        assertThat(answeredIds).contains(claimed).hasSizeGreaterThan(1)
                .isSubsetOf(members.stream().map(m -> String.valueOf(m.get("id"))).toList());
        for (String id : answeredIds) {
            assertThat(Api.mention(id).getString("status")).isEqualTo("AWAITING_CLEARANCE");
        }

        // Drafting made the reply a post (id = reply id, owned by mo) and sent it to clearance; Colin clears it.
        String caseId = journeys.awaitCase(replyId);
        platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Accurate and polite"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));

        // Published once on X, as a reply.
        journeys.awaitPostStatus(replyId, "PUBLISHED");
        List<Map<String, Object>> onX = journeys.heldInSandbox().stream()
                .filter(p -> String.valueOf(p.get("text")).contains(tag) && String.valueOf(p.get("text"))
                        .contains("helpline is open again")).toList();
        assertThat(onX).hasSize(1);
        assertThat(onX.get(0).get("network")).isEqualTo("x");

        // Every mention the reply answered is ANSWERED, with exactly one MentionAnswered each.
        await().atMost(PATIENCE).until(() -> answeredIds.stream()
                .allMatch(id -> "ANSWERED".equals(Api.mention(id).getString("status"))));
        List<MentionAnswered> answered = awaitEvents(Topics.MONITORING_MENTIONS, EventType.MENTION_ANSWERED,
                answeredIds).stream().map(MentionAnswered.class::cast).toList();
        assertThat(answered).extracting(a -> a.mentionId().toString()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(answeredIds);
        assertThat(answered).allSatisfy(a -> {
            assertThat(a.replyPostId()).isEqualTo(replyId);
            assertThat(a.themeId().toString()).isEqualTo(themeId);
            assertThat(a.answeredAt()).isAfterOrEqualTo(a.receivedAt());
            assertThat(a.firstResponseBusinessSeconds()).isBetween(0L, a.firstResponseSeconds());
        });
    }

    /**
     * Polls until at least {@code atLeast} items are there and two polls in a row agree: the burst has been taken in
     * whole before anyone acts on it.
     */
    private static List<Map<String, Object>> awaitSettled(Callable<List<Map<String, Object>>> poll,
            int atLeast) {
        AtomicInteger previous = new AtomicInteger(-1);
        AtomicReference<List<Map<String, Object>>> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> items = poll.call();
            last.set(items);
            return items.size() >= atLeast && items.size() == previous.getAndSet(items.size());
        });
        return last.get();
    }

    /** The events of {@code type} keyed by each of {@code keys}, once every key has at least one. */
    private static List<Object> awaitEvents(String topic, EventType type, Set<String> keys) {
        AtomicReference<List<ConsumerRecord<String, String>>> found = new AtomicReference<>(List.of());
        // Each poll reads the topic from the start with a fresh consumer: poll slowly.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            found.set(platform.kafka().awaitRecords(topic, r -> keys.contains(r.key())
                    && type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), PATIENCE));
            return found.get().stream().map(ConsumerRecord::key).distinct().count() == keys.size();
        });
        return found.get().stream().map(r -> (Object) CloudEventAssertions.assertCloudEvent(r, type,
                "/clearpost/monitoring-service")).toList();
    }

    /**
     * Issue 11's APIs as the design describes them, in one place: adjust here when an endpoint's final shape differs.
     * Lists are read either as a bare JSON array or as a page object with {@code items}.
     */
    private static final class Api {

        static String trackQuery(String name, String query) {
            return platform.as("mo", Component.MONITORING).body(Map.of("name", name, "purpose", "BODY",
                    "query", query)).post("/queries").then().statusCode(201).extract().jsonPath().getString("id");
        }

        /** The sandbox's firehose makes {@code count} near-duplicate variations of {@code text} on X. */
        static void similarBurst(String text, int count) {
            platform.anonymous(Component.SANDBOX).body(Map.of("networks", List.of("x"), "perSecond", count,
                    "seconds", 1, "similar", Map.of("text", text, "count", count)))
                    .post("/sandbox/firehose/burst").then().statusCode(202);
        }

        static List<Map<String, Object>> inbox(Map<String, ?> filters) {
            return items(platform.as("mo", Component.MONITORING).queryParams(filters).queryParam("size", 100)
                    .get("/inbox").then().statusCode(200).extract().jsonPath());
        }

        static JsonPath mention(String id) {
            return platform.as("mo", Component.MONITORING).get("/inbox/{id}", id).then().statusCode(200).extract()
                    .jsonPath();
        }

        static void claim(String monitor, String mentionId) {
            platform.as(monitor, Component.MONITORING).body(Map.of()).post("/inbox/{id}/claim", mentionId).then()
                    .statusCode(200);
        }

        static List<Map<String, Object>> themes() {
            return items(platform.as("mo", Component.MONITORING).get("/themes").then().statusCode(200).extract()
                    .jsonPath());
        }

        static UUID replyToTheme(String monitor, String themeId, String text) {
            return UUID.fromString(platform.as(monitor, Component.MONITORING)
                    .body(Map.of("themeId", themeId, "account", X_ACCOUNT, "text", text)).post("/replies").then()
                    .statusCode(oneOf(200, 201, 202)).extract().jsonPath().getString("id"));
        }

        static JsonPath reply(UUID replyId) {
            return platform.as("mo", Component.MONITORING).get("/replies/{id}", replyId).then().statusCode(200)
                    .extract().jsonPath();
        }

        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> items(JsonPath body) {
            Object root = body.get("$");
            return root instanceof List<?> list ? (List<Map<String, Object>>) list
                    : body.getList("items");
        }
    }
}
