package org.clearpost.monitoring.theme;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionSpikeAcknowledged;
import org.clearpost.events.MentionSpikeDetected;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.spike.SpikeDetector;
import org.clearpost.monitoring.spike.WindowCounts;
import org.clearpost.support.problem.Problem;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Theme assignment and spike detection on the real database, called the way the pipeline calls them: inside one
 * transaction on one connection, with the mentions its insert stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class ThemesAndSpikesTest {

    private static final String SOURCE = "/clearpost/monitoring-service";

    @Inject
    DataSource dataSource;

    @Inject
    ThemeAssigner themes;

    @Inject
    org.clearpost.monitoring.spike.SpikeCounter counter;

    @Inject
    SpikeDetector detector;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
    }

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.forUser(user, roles)).contentType(ContentType.JSON);
    }

    /** A random word, so no other test's mention is a near-duplicate of these. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Stores a mention as the pipeline's insert would (theme still unset); returns its input for assignment. */
    private ThemeInput stored(Connection c, String text, UUID query, Instant receivedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO mention (id, network, external_id, account, author_id, author_name, text, url, mentioned_at,
                                     received_at, status, matched_queries, priority)
                VALUES (?, 'X', ?, NULL, '1', 'Resident', ?, ?, ?, ?, 'NEW', ?, 'MEDIUM')""")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, text);
            insert.setString(4, "https://x.com/r/status/" + id);
            insert.setTimestamp(5, Timestamp.from(receivedAt));
            insert.setTimestamp(6, Timestamp.from(receivedAt));
            insert.setArray(7, c.createArrayOf("uuid", new Object[] { query }));
            insert.executeUpdate();
        }
        return new ThemeInput(id, text, List.of(query), receivedAt);
    }

    /** What the pipeline does with the memberships: the theme id on each mention's row. */
    private static void record(Connection c, List<ThemeInput> inputs, List<ThemeMembership> memberships)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE mention SET theme_id = ? WHERE id = ?")) {
            for (int i = 0; i < inputs.size(); i++) {
                update.setObject(1, memberships.get(i).themeId());
                update.setObject(2, inputs.get(i).mentionId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private int size(UUID theme) {
        return inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT size FROM theme WHERE id = ?")) {
                select.setObject(1, theme);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getInt(1) : -1;
                }
            }
        });
    }

    @Test
    void nearDuplicatesJoinOneThemeAcrossBatchesOnceEachAndOnlyWhileItIsOpen() {
        UUID query = UUID.randomUUID();
        String a = word();
        String b = word();
        String c = word();
        String complaint = "Why has my subject access request " + a + " taken " + b + " months, the regulator " + c
                + " should answer";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<ThemeInput> first = new ArrayList<>();
        List<ThemeMembership> firstThemes = inTransaction(conn -> {
            first.add(stored(conn, "@ico " + complaint + " https://t.co/1", query, now));
            first.add(stored(conn, "@ico_news " + complaint.toUpperCase() + "!! https://t.co/2", query, now));
            first.add(stored(conn, "Totally different " + word() + " about parking " + word() + " fines in town",
                    query, now));
            first.add(stored(conn, "thanks @ico", query, now));
            first.add(stored(conn, complaint.replace("months", "weeks"), query, now));
            List<ThemeMembership> memberships = themes.assign(conn, first, now);
            record(conn, first, memberships);
            return memberships;
        });
        UUID theme = firstThemes.get(0).themeId();
        assertThat(theme).isNotNull();
        assertThat(firstThemes.get(1)).isEqualTo(new ThemeMembership(theme, 3));
        assertThat(firstThemes.get(4)).isEqualTo(new ThemeMembership(theme, 3));
        assertThat(firstThemes.get(0).size()).isEqualTo(3);
        assertThat(firstThemes.get(2).themeId()).isNotNull().isNotEqualTo(theme);
        assertThat(firstThemes.get(2).size()).isEqualTo(1);
        assertThat(firstThemes.get(3)).isEqualTo(ThemeMembership.NONE);

        // A later batch joins it through the LSH keys stored in the database.
        List<ThemeInput> second = new ArrayList<>();
        List<ThemeMembership> secondThemes = inTransaction(conn -> {
            second.add(stored(conn, "Honestly: " + complaint, query, now.plusSeconds(60)));
            List<ThemeMembership> memberships = themes.assign(conn, second, now.plusSeconds(60));
            record(conn, second, memberships);
            return memberships;
        });
        assertThat(secondThemes).containsExactly(new ThemeMembership(theme, 4));

        // The same batch again (its transaction had committed): it finds its themes and counts nothing twice.
        List<ThemeMembership> replayed = inTransaction(conn -> themes.assign(conn, first, now.plusSeconds(90)));
        assertThat(replayed).isEqualTo(List.of(new ThemeMembership(theme, 4), new ThemeMembership(theme, 4),
                new ThemeMembership(firstThemes.get(2).themeId(), 1), ThemeMembership.NONE,
                new ThemeMembership(theme, 4)));

        // A batch rolled back leaves the theme as it was; its retry makes the same new theme ids.
        List<ThemeInput> rolledBack = new ArrayList<>();
        UUID[] startedTheme = new UUID[1];
        try {
            inTransaction(conn -> {
                rolledBack.add(stored(conn, complaint + " again", query, now.plusSeconds(120)));
                rolledBack.add(stored(conn, "Another " + word() + " story " + word() + " entirely " + word(), query,
                        now.plusSeconds(120)));
                List<ThemeMembership> memberships = themes.assign(conn, rolledBack, now.plusSeconds(120));
                assertThat(memberships.get(0)).isEqualTo(new ThemeMembership(theme, 5));
                startedTheme[0] = memberships.get(1).themeId();
                throw new IllegalStateException("broker away: the batch rolls back");
            });
        } catch (IllegalStateException expected) {
            // the pipeline would retry the batch
        }
        assertThat(size(theme)).isEqualTo(4);
        assertThat(size(startedTheme[0])).isEqualTo(-1);
        assertThat(MinHashThemes.themeId(rolledBack.get(1).mentionId())).isEqualTo(startedTheme[0]);

        // Past the window (24 h after its last mention) the theme is closed: the same text starts a new one.
        Instant later = now.plus(Duration.ofHours(25));
        List<ThemeMembership> afterWindow = inTransaction(conn -> {
            List<ThemeInput> late = List.of(stored(conn, complaint, query, later));
            List<ThemeMembership> memberships = themes.assign(conn, late, later);
            record(conn, late, memberships);
            return memberships;
        });
        assertThat(afterWindow.get(0).themeId()).isNotEqualTo(theme);
        assertThat(afterWindow.get(0).size()).isEqualTo(1);

        // GET /themes: open themes of at least 2, largest first; the detail lists the theme's mentions.
        as("ana", "analyst").queryParam("query", query.toString()).get("/themes")
                .then().statusCode(200).body("id", contains(theme.toString()))
                .body("[0].size", equalTo(4)).body("[0].queryId", equalTo(query.toString()))
                .body("[0].label", equalTo("@ico " + complaint + " https://t.co/1"));
        as("ana", "analyst").queryParam("query", query.toString()).queryParam("minSize", 1).get("/themes")
                .then().statusCode(200).body("id", hasSize(3));
        as("mo", "monitor").get("/themes/" + theme).then().statusCode(200)
                .body("size", equalTo(4)).body("open", equalTo(true))
                .body("mentions.id", containsInAnyOrder(first.get(0).mentionId().toString(),
                        first.get(1).mentionId().toString(), first.get(4).mentionId().toString(),
                        second.get(0).mentionId().toString()))
                .body("mentions[0].text", equalTo("Honestly: " + complaint));
    }

    /**
     * A pipeline-sized batch (2,000 mentions: 200 topics of 10 near-duplicates each, spread over the batch): every
     * topic ends as one theme of 10, and the time the assignment takes in its transaction is printed.
     */
    @Test
    void aLargeBatchGroupsEveryTopicAndItsCostIsPrinted() {
        UUID query = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
            topics.add("Report " + word() + " about the " + word() + " council and its " + word() + " decision on "
                    + word() + " today");
        }
        List<ThemeInput> inputs = new ArrayList<>();
        long[] nanos = new long[1];
        List<ThemeMembership> memberships = inTransaction(conn -> {
            for (int i = 0; i < 2000; i++) {
                String topic = topics.get(i % 200);
                inputs.add(stored(conn, i < 200 ? topic : "@someone " + topic + " " + "!".repeat(i / 200), query, now));
            }
            long start = System.nanoTime();
            List<ThemeMembership> result = themes.assign(conn, inputs, now);
            nanos[0] = System.nanoTime() - start;
            return result;
        });
        System.out.printf(java.util.Locale.ROOT, "Theme assignment of a batch of 2,000 mentions (200 new themes of 10):"
                + " %.1f ms, %.1f µs per mention%n", nanos[0] / 1e6, nanos[0] / 1e3 / 2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(memberships.get(i)).isEqualTo(memberships.get(i % 200));
        }
        assertThat(memberships.stream().map(ThemeMembership::themeId).distinct().count()).isEqualTo(200);
        assertThat(memberships).allSatisfy(m -> assertThat(m.size()).isEqualTo(10));

        // The next batch of the same topics joins through the database: 2,000 lookups of 20 keys each.
        List<ThemeInput> again = new ArrayList<>();
        List<ThemeMembership> joined = inTransaction(conn -> {
            for (int i = 0; i < 2000; i++) {
                again.add(stored(conn, "Again: " + topics.get(i % 200), query, now.plusSeconds(1)));
            }
            long start = System.nanoTime();
            List<ThemeMembership> result = themes.assign(conn, again, now.plusSeconds(1));
            nanos[0] = System.nanoTime() - start;
            return result;
        });
        System.out.printf(java.util.Locale.ROOT, "Theme assignment of a batch of 2,000 mentions joining 200 stored themes:"
                + " %.1f ms, %.1f µs per mention%n", nanos[0] / 1e6, nanos[0] / 1e3 / 2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(joined.get(i)).isEqualTo(new ThemeMembership(memberships.get(i % 200).themeId(), 20));
        }

        // The common case in production: nobody repeated any of them, so each mention starts a theme of its own.
        List<ThemeInput> unique = new ArrayList<>();
        List<ThemeMembership> alone = inTransaction(conn -> {
            for (int i = 0; i < 2000; i++) {
                unique.add(stored(conn, "Note " + word() + " on the " + word() + " scheme and " + word() + " plans",
                        query, now.plusSeconds(2)));
            }
            long start = System.nanoTime();
            List<ThemeMembership> result = themes.assign(conn, unique, now.plusSeconds(2));
            nanos[0] = System.nanoTime() - start;
            return result;
        });
        System.out.printf(java.util.Locale.ROOT, "Theme assignment of a batch of 2,000 unique mentions (2,000 new themes"
                + " of 1): %.1f ms, %.1f µs per mention%n", nanos[0] / 1e6, nanos[0] / 1e3 / 2000);
        assertThat(alone).allSatisfy(m -> assertThat(m.size()).isEqualTo(1));
        assertThat(alone.stream().map(ThemeMembership::themeId).distinct().count()).isEqualTo(2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(alone.get(i).themeId()).isEqualTo(MinHashThemes.themeId(unique.get(i).mentionId()));
        }
    }

    @Test
    void themeEndpointsAnswerBadInputWithProblems() {
        as("mo", "monitor").get("/themes/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as("mo", "monitor").queryParam("size", 0).get("/themes").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        as("mo", "monitor").queryParam("hours", 0).get("/themes").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        as("dee", "drafter").get("/themes").then().statusCode(403);
        as("mo", "monitor").get("/spikes/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        as("lee", "lead").body(Map.of("note", "x".repeat(2001))).post("/spikes/" + UUID.randomUUID() + "/acknowledge")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aWindowFarAboveItsQuerysBaselineIsOneSpikeAnnouncedOnceAndAcknowledgedByALead() {
        UUID query = UUID.randomUUID();
        Instant now = Instant.now();
        // The last window closed (with a minute's grace) and the two hours before it, two mentions a window.
        Instant spikeWindow = WindowCounts.windowStart(now.minus(Duration.ofMinutes(1))).minus(WindowCounts.WINDOW);
        inTransaction(conn -> {
            for (int w = 24; w >= 1; w--) {
                counter.count(conn, List.of(List.of(query), List.of(query, query)),
                        spikeWindow.minus(WindowCounts.WINDOW.multipliedBy(w)).plusSeconds(17));
            }
            return null;
        });
        // The spike: 57 counted in two batches (upserted), and 3 stored mentions of one theme to name and sample.
        String text = "The " + word() + " breach at the " + word() + " council is a scandal, who is " + word();
        UUID theme = inTransaction(conn -> {
            List<List<UUID>> many = new ArrayList<>();
            for (int i = 0; i < 27; i++) {
                many.add(List.of(query));
            }
            counter.count(conn, many, spikeWindow.plusSeconds(10));
            counter.count(conn, many, spikeWindow.plusSeconds(200));
            List<ThemeInput> inputs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inputs.add(stored(conn, text + " " + "!".repeat(i), query, spikeWindow.plusSeconds(100 + i)));
            }
            counter.count(conn, inputs.stream().map(ThemeInput::matchedQueries).toList(), spikeWindow.plusSeconds(100));
            List<ThemeMembership> memberships = themes.assign(conn, inputs, spikeWindow.plusSeconds(100));
            record(conn, inputs, memberships);
            return memberships.get(0).themeId();
        });

        // The detector also runs on its schedule: either run finds it, and only once.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            detector.detect();
            return spikesOf(query) == 1;
        });
        detector.detect();
        assertThat(spikesOf(query)).isEqualTo(1);

        ConsumerRecord<String, String> record = topic.awaitRecords(Topics.MONITORING_SPIKES,
                r -> query.toString().equals(r.key()), Duration.ofSeconds(30)).get(0);
        MentionSpikeDetected event = (MentionSpikeDetected) CloudEventAssertions.assertCloudEvent(record,
                EventType.MENTION_SPIKE_DETECTED, SOURCE);
        assertThat(event.queryId()).isEqualTo(query);
        assertThat(event.windowStart()).isEqualTo(spikeWindow);
        assertThat(event.windowEnd()).isEqualTo(spikeWindow.plus(WindowCounts.WINDOW));
        assertThat(event.count()).isEqualTo(57);
        assertThat(event.baselineMean()).isBetween(1.9, 2.1);
        assertThat(event.score()).isGreaterThan(40);
        assertThat(event.topThemes()).containsExactly(new MentionSpikeDetected.ThemeCount(theme, text, 3));
        assertThat(event.samples()).hasSize(3).allSatisfy(s -> assertThat(s.text()).startsWith(text));

        String id = event.spikeId().toString();
        as("mo", "monitor").queryParam("query", query.toString()).get("/spikes").then().statusCode(200)
                .body("id", contains(id)).body("[0].count", equalTo(57))
                .body("[0].topThemes[0].themeId", equalTo(theme.toString()))
                .body("[0].acknowledgedBy", equalTo(null));
        as("mo", "monitor").post("/spikes/" + id + "/acknowledge").then().statusCode(403);
        as("lee", "lead").body(Map.of("note", "Press office told")).post("/spikes/" + id + "/acknowledge")
                .then().statusCode(200).body("acknowledgedBy", equalTo("lee"))
                .body("acknowledgement", equalTo("Press office told"));
        as("lou", "lead").post("/spikes/" + id + "/acknowledge").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
        as("ana", "analyst").queryParam("query", query.toString()).queryParam("acknowledged", false).get("/spikes")
                .then().statusCode(200).body("id", hasSize(0));
        as("ana", "analyst").get("/spikes/" + id).then().statusCode(200).body("acknowledgedBy", equalTo("lee"));

        // The acknowledgement is an event after the spike's, on the query's key; the refused second one sent nothing.
        topic.awaitRecords(Topics.MONITORING_SPIKES, r -> query.toString().equals(r.key())
                && EventType.MENTION_SPIKE_ACKNOWLEDGED.ceType().equals(
                        KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> onQuery = topic.awaitRecords(Topics.MONITORING_SPIKES,
                r -> query.toString().equals(r.key()), Duration.ofSeconds(30));
        assertThat(onQuery).hasSize(2);
        MentionSpikeAcknowledged acknowledged = (MentionSpikeAcknowledged) CloudEventAssertions.assertCloudEvent(
                onQuery.get(1), EventType.MENTION_SPIKE_ACKNOWLEDGED, SOURCE);
        assertThat(acknowledged.spikeId()).isEqualTo(event.spikeId());
        assertThat(acknowledged.queryId()).isEqualTo(query);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("lee");
        assertThat(acknowledged.note()).isEqualTo("Press office told");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
    }

    private long spikesOf(UUID query) {
        return inTransaction(conn -> {
            try (PreparedStatement select = conn.prepareStatement("SELECT count(*) FROM spike WHERE query_id = ?")) {
                select.setObject(1, query);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
