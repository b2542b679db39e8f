package org.clearpost.monitoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventJson;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.intake.KafkaIntakeSink;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on the real broker and database: raw items written through the real sink (for Threads, which only the
 * test normaliser handles), stored rows and MentionReceived events counted, never sampled.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class MentionPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String OWN = "clearpost_test";

    @Inject
    KafkaIntakeSink sink;

    @Inject
    MentionPipeline pipeline;

    @Inject
    DataSource dataSource;

    private final KafkaTopicReader topic = KafkaTopicReader.fromConfig();

    private static RawItem item(String id, String json) {
        return new RawItem(Network.THREADS, id, "test", null, Instant.now(), json);
    }

    private static RawItem mention(String id, String text) {
        return item(id, "{\"id\":" + quote(id) + ",\"account\":\"" + OWN + "\",\"author\":\"someone\",\"text\":"
                + quote(text) + "}");
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(RawItem... items) throws Exception {
        sink.deliver(List.of(items)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** external id -> stored text, for the Threads mentions whose id starts with {@code prefix}. */
    private Map<String, String> stored(String prefix) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT external_id, text FROM mention WHERE network = 'THREADS' AND external_id LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    private List<UUID> mentionIds(String prefix) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM mention WHERE network = 'THREADS' AND external_id LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** How many MentionReceived each of {@code ids} has on the topic, as a read_committed consumer sees it. */
    private Map<UUID, Long> announcements(List<UUID> ids) {
        return announcements(ids, EventType.MENTION_RECEIVED);
    }

    /** How many events of {@code type} each of {@code ids} has on the mentions topic (read_committed). */
    private Map<UUID, Long> announcements(List<UUID> ids, EventType type) {
        java.util.Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        return topic.readAll(Topics.MONITORING_MENTIONS, QUIET).stream().filter(r -> keys.contains(r.key()))
                .filter(r -> type.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)))
                .collect(Collectors.groupingBy(r -> UUID.fromString(r.key()), Collectors.counting()));
    }

    @Test
    void textWithNulLoneSurrogatesOrAMegabyteIsStoredCleanedAndCutWithoutFailingItsBatch() throws Exception {
        String prefix = "clean-" + UUID.randomUUID() + "-";
        String megabyte = "The ICO says ".repeat(80_000);
        deliver(mention(prefix + "nul", "before\u0000after"),
                // As a network sends them: JSON escapes, which decode to unpaired surrogates (raw ones could not even
                // be encoded as UTF-8 on the way).
                item(prefix + "surrogates", "{\"id\":\"" + prefix + "surrogates\",\"account\":\"" + OWN
                        + "\",\"text\":\"lone \\uD800 high and \\uDC00 low, pair \\uD83D\\uDE00 kept\"}"),
                mention(prefix + "huge", megabyte),
                mention(prefix + "plain", "nothing wrong"));

        await().atMost(TIMEOUT).until(() -> stored(prefix).size() == 4);
        Map<String, String> rows = stored(prefix);
        assertThat(rows.get(prefix + "nul")).isEqualTo("beforeafter");
        assertThat(rows.get(prefix + "surrogates")).isEqualTo("lone  high and  low, pair \uD83D\uDE00 kept");
        assertThat(megabyte.length()).isGreaterThan(1_000_000);
        assertThat(rows.get(prefix + "huge")).hasSize(NetworkLimits.text(Network.THREADS))
                .isEqualTo(megabyte.substring(0, NetworkLimits.text(Network.THREADS)));
        assertThat(rows.get(prefix + "plain")).isEqualTo("nothing wrong");
        assertThat(announcements(mentionIds(prefix)).values()).hasSize(4).containsOnly(1L);
        assertThat(announcements(mentionIds(prefix), EventType.MENTION_TRIAGED).values()).hasSize(4)
                .containsOnly(1L);
        // Announced as built in memory, without reading the rows back: the events say what the rows hold.
        for (UUID id : mentionIds(prefix)) {
            List<ConsumerRecord<String, String>> events = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                    r -> r.key().equals(id.toString()), TIMEOUT);
            for (ConsumerRecord<String, String> event : events) {
                String type = KafkaTopicReader.header(event, CloudEventHeaders.TYPE);
                if (EventType.MENTION_TRIAGED.ceType().equals(type)) {
                    assertTriageStored((MentionTriaged) EventJson.read(EventType.MENTION_TRIAGED, event.value()));
                } else {
                    assertReceivedStored((MentionReceived) EventJson.read(EventType.MENTION_RECEIVED, event.value()));
                }
            }
        }
    }

    private void assertReceivedStored(MentionReceived received) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT text, mentioned_at, delivered_at, received_at, account, own_account FROM mention"
                                + " WHERE id = ?")) {
            select.setObject(1, received.mentionId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(received.text());
                assertThat(row.getTimestamp(2).toInstant()).isEqualTo(received.mentionedAt());
                assertThat(row.getTimestamp(3).toInstant()).isEqualTo(received.deliveredAt());
                assertThat(row.getTimestamp(4).toInstant()).isEqualTo(received.receivedAt());
                assertThat(row.getString(5)).isEqualTo(received.account());
                assertThat(row.getBoolean(6)).isEqualTo(received.ownAccount());
            }
        }
    }

    @Test
    void anUnparseableItemIsDeadLetteredWithItsReasonAndTheRestOfItsBatchIsStored() throws Exception {
        String prefix = "parse-" + UUID.randomUUID() + "-";
        // One intake batch, one key: the three are in one partition, in order, so in one pipeline batch.
        String key = prefix + "key";
        sink.write("test-" + prefix, List.of(
                new RawItem(Network.THREADS, key, "test", null, Instant.now(),
                        "{\"id\":\"" + prefix + "1\",\"account\":\"" + OWN + "\",\"text\":\"first\"}"),
                new RawItem(Network.THREADS, key, "test", null, Instant.now(), "{\"broken\": "),
                new RawItem(Network.THREADS, key, "test", null, Instant.now(),
                        "{\"id\":\"" + prefix + "2\",\"account\":\"" + OWN + "\",\"text\":\"second\"}")), "c1");

        await().atMost(TIMEOUT).until(() -> stored(prefix).size() == 2);
        List<ConsumerRecord<String, String>> dead = topic.awaitRecords(Topics.deadLetter("monitoring-service"),
                r -> key.equals(r.key()), TIMEOUT);
        assertThat(dead).hasSize(1);
        assertThat(KafkaTopicReader.header(dead.get(0), PipelineWorker.REASON)).startsWith("not JSON");
        assertThat(KafkaTopicReader.header(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.MONITORING_RAW_MENTIONS);
        assertThat(dead.get(0).value()).contains("{\\\"broken\\\": ");
        assertThat(stored(prefix)).containsOnlyKeys(prefix + "1", prefix + "2");
    }

    @Test
    void aRepeatAndAnEditOfTheSameItemLandOnOneMentionAnnouncedOnce() throws Exception {
        String prefix = "dedupe-" + UUID.randomUUID() + "-";
        String original = prefix + "100";
        String edit = prefix + "101";
        String key = original; // X keys every version by the first id of its edit history
        RawItem first = item(key, "{\"id\":\"" + original + "\",\"edits\":[\"" + original + "\"],\"mentions\":[\"@"
                + OWN.toUpperCase() + "\"],\"text\":\"first version\"}");
        RawItem edited = item(key, "{\"id\":\"" + edit + "\",\"edits\":[\"" + original + "\",\"" + edit
                + "\"],\"mentions\":[\"@" + OWN + "\"],\"text\":\"edited version\"}");
        deliver(first, first);
        await().atMost(TIMEOUT).until(() -> stored(prefix).size() == 1);
        deliver(edited, first, edited);
        // Not mentioning the body and matching no query: dropped, never stored.
        deliver(item(prefix + "other", "{\"id\":\"" + prefix + "other\",\"text\":\"unrelated\"}"));

        Thread.sleep(QUIET.toMillis());
        await().atMost(TIMEOUT).until(() -> announcements(mentionIds(prefix)).size() == 1);
        assertThat(stored(prefix)).containsOnlyKeys(original);
        assertThat(stored(prefix).get(original)).isEqualTo("first version");
        UUID id = mentionIds(prefix).get(0);
        assertThat(announcements(List.of(id))).containsEntry(id, 1L);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seen_id FROM mention_seen_id WHERE network = 'THREADS' AND mention_id = ?")) {
            select.setObject(1, id);
            List<String> seen = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    seen.add(result.getString(1));
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(original, edit);
        }
        // A later repeat of the edit alone (its own id now known) still lands on the same mention.
        deliver(item(edit, "{\"id\":\"" + edit + "\",\"edits\":[],\"account\":\"" + OWN + "\",\"text\":\"again\"}"));
        Thread.sleep(QUIET.toMillis() * 2);
        assertThat(stored(prefix)).containsOnlyKeys(original);
    }

    @Test
    void aCrashBetweenStoringAndAnnouncingReAnnouncesExactlyOnce() throws Exception {
        String prefix = "crash-" + UUID.randomUUID() + "-";
        AtomicInteger attempts = new AtomicInteger();
        pipeline.beforeCommit(announced -> {
            if (announced.stream().anyMatch(m -> m.externalId().startsWith(prefix))
                    && attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("test: the process dies before the Kafka commit");
            }
        });
        try {
            deliver(mention(prefix + "1", "one"), mention(prefix + "2", "two"));
            await().atMost(TIMEOUT).until(() -> attempts.get() >= 2 && stored(prefix).size() == 2);
        } finally {
            pipeline.beforeCommit(null);
        }
        List<UUID> ids = mentionIds(prefix);
        Map<UUID, Long> counts = announcements(ids);
        assertThat(counts).hasSize(2).containsOnlyKeys(ids);
        assertThat(counts.values()).containsOnly(1L);
        // The replayed announcement is the stored mention, with a stable event id.
        ConsumerRecord<String, String> record = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                r -> r.key().equals(ids.get(0).toString()), TIMEOUT).get(0);
        assertThat(KafkaTopicReader.header(record, CloudEventHeaders.ID))
                .isEqualTo(PipelineWorker.eventId(ids.get(0)).toString());
        MentionReceived event = (MentionReceived) EventJson.read(EventType.MENTION_RECEIVED, record.value());
        assertThat(event.ownAccount()).isTrue();
        assertThat(event.account()).isEqualTo(OWN);
        assertThat(event.matchedQueries()).isEmpty();
        assertThat(event.deliveredAt()).isNotNull();

        // Triaged once, in the first attempt's database transaction; the replay announces that outcome, once.
        Map<UUID, Long> triagedCounts = announcements(ids, EventType.MENTION_TRIAGED);
        assertThat(triagedCounts).hasSize(2).containsOnlyKeys(ids);
        assertThat(triagedCounts.values()).containsOnly(1L);
        for (UUID id : ids) {
            ConsumerRecord<String, String> triagedRecord = topic.awaitRecords(Topics.MONITORING_MENTIONS,
                    r -> r.key().equals(id.toString()) && EventType.MENTION_TRIAGED.ceType()
                            .equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)), TIMEOUT).get(0);
            assertThat(KafkaTopicReader.header(triagedRecord, CloudEventHeaders.ID))
                    .isEqualTo(PipelineWorker.triagedEventId(id).toString());
            MentionTriaged triaged = (MentionTriaged) EventJson.read(EventType.MENTION_TRIAGED,
                    triagedRecord.value());
            assertTriageStored(triaged);
        }
    }

    /** The row carries what the event says triage decided, stamped with the batch that inserted it. */
    private void assertTriageStored(MentionTriaged triaged) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, priority, sentiment_label, no_response_reason, hidden, possible_foi, theme_id,"
                                + " triaged_at, received_at, due_at FROM mention WHERE id = ?")) {
            select.setObject(1, triaged.mentionId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(triaged.state().name());
                assertThat(row.getString(2)).isEqualTo(triaged.priority().name());
                assertThat(row.getString(3)).isNotNull().isEqualTo(triaged.sentiment().label());
                assertThat(row.getString(4)).isEqualTo(triaged.noResponseReason());
                assertThat(row.getBoolean(5)).isEqualTo(triaged.hidden());
                assertThat(row.getBoolean(6)).isEqualTo(triaged.possibleFoi());
                assertThat(row.getObject(7, UUID.class)).isEqualTo(triaged.themeId());
                // Stamped by the batch that inserted it: the replay (a later clock) triaged nothing again.
                assertThat(row.getTimestamp(8).toInstant()).isEqualTo(triaged.triagedAt())
                        .isEqualTo(row.getTimestamp(9).toInstant());
                assertThat(row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant())
                        .isEqualTo(triaged.dueAt());
            }
        }
    }

    @Test
    void twoMembersShareThePartitionsAndNothingIsStoredOrAnnouncedTwice() throws Exception {
        String prefix = "members-" + UUID.randomUUID() + "-";
        AtomicInteger bySecond = new AtomicInteger();
        int count = 0;
        try (AutoCloseable second = pipeline.startMember("pipeline-test-second",
                announced -> bySecond.addAndGet((int) announced.stream()
                        .filter(m -> m.externalId().startsWith(prefix)).count()))) {
            // Until the group has rebalanced onto both members, a trickle; then the bulk, with repeats.
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (bySecond.get() == 0 && Instant.now().isBefore(deadline)) {
                List<RawItem> trickle = new ArrayList<>();
                for (int i = 0; i < 12; i++, count++) {
                    trickle.add(mention(prefix + count, "warm-up " + count));
                }
                deliver(trickle.toArray(RawItem[]::new));
                Thread.sleep(500);
            }
            List<RawItem> items = new ArrayList<>();
            for (int i = 0; i < 600; i++, count++) {
                items.add(mention(prefix + count, "mention " + count));
                if (i % 3 == 0) {
                    items.add(mention(prefix + count, "mention " + count)); // a network's retry
                }
            }
            for (int from = 0; from < items.size(); from += 100) {
                deliver(items.subList(from, Math.min(items.size(), from + 100)).toArray(RawItem[]::new));
            }
            int total = count;
            await().atMost(TIMEOUT).until(() -> stored(prefix).size() == total);
        }
        List<UUID> ids = mentionIds(prefix);
        assertThat(ids).hasSize(count).doesNotHaveDuplicates();
        Map<UUID, Long> counts = announcements(ids);
        assertThat(counts).hasSize(count);
        assertThat(counts.values()).containsOnly(1L);
        Map<UUID, Long> triaged = announcements(ids, EventType.MENTION_TRIAGED);
        assertThat(triaged).hasSize(count);
        assertThat(triaged.values()).containsOnly(1L);
        // Both members did part of the work.
        assertThat(bySecond.get()).isPositive().isLessThan(count);
    }

    @Test
    void aListInOneElementOfAnUnnestParameterReadsBackWhole() throws SQLException {
        // How the insert carries author lists and hidden reasons (unnest would flatten a two-dimensional array).
        List<List<String>> lists = List.of(List.of(), List.of("journalist", "critic"),
                List.of("a, b", "{c}", "say \"hi\"", "back\\slash", "NULL"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT l::text[] FROM unnest(?::text[]) WITH ORDINALITY AS u(l, n) ORDER BY n")) {
            select.setArray(1, connection.createArrayOf("text",
                    lists.stream().map(MentionStore::arrayLiteral).toArray()));
            List<List<String>> read = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.add(List.of((String[]) rows.getArray(1).getArray()));
                }
            }
            assertThat(read).isEqualTo(lists);
        }
    }

    @Test
    void startUpRefusesAnIntakeWhoseNetworkHasNoNormaliser() {
        org.clearpost.monitoring.intake.NetworkIntake youtube = new org.clearpost.monitoring.intake.NetworkIntake() {
            @Override
            public String name() {
                return "youtube-comments";
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void run(org.clearpost.monitoring.intake.IntakeSink sink) {
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MentionPipeline.normaliserTable(
                List.of(new TestThreadsNormaliser()), List.of(youtube)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("youtube-comments")
                .hasMessageContaining("YOUTUBE");
        assertThat(MentionPipeline.normaliserTable(List.of(new TestThreadsNormaliser()), List.of()))
                .containsOnlyKeys(Network.THREADS);
    }
}
