package org.clearpost.monitoring.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionOverdue;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.testing.CloudEventAssertions;
import org.clearpost.testing.KafkaTopicReader;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The sweep on the real database and broker. Mentions are stored as the pipeline and the inbox would leave them;
 * their due times lie far in the past so that, swept oldest first, they come before any other test's mentions.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class OverdueSweeperTest {

    private static final Instant LONG_AGO = Instant.parse("2001-03-05T10:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    OverdueSweeper sweeper;

    @Inject
    OverdueMentions mentions;

    @Test
    void marksEachOpenMentionPastItsDueTimeOnceAndAnnouncesIt() throws SQLException {
        UUID lateNew = stored("NEW", MentionPriority.MEDIUM, null, LONG_AGO, false, null);
        UUID lateAssigned = stored("ASSIGNED", MentionPriority.HIGH, "mo", LONG_AGO.plusSeconds(60), false, null);
        UUID notYetDue = stored("NEW", MentionPriority.HIGH, null, Instant.now().plus(Duration.ofHours(1)), false,
                null);
        UUID awaitingClearance = stored("AWAITING_CLEARANCE", MentionPriority.HIGH, "mo", LONG_AGO, false, null);
        UUID answered = stored("ANSWERED", MentionPriority.HIGH, "mo", LONG_AGO, false, null);
        UUID noResponseNeeded = stored("NO_RESPONSE_NEEDED", MentionPriority.LOW, null, LONG_AGO, false, null);
        UUID hidden = stored("NEW", MentionPriority.LOW, null, LONG_AGO, true, null);
        UUID noDueTime = stored("NEW", MentionPriority.LOW, null, null, false, null);
        Instant markedBefore = LONG_AGO.plus(Duration.ofDays(1));
        UUID alreadyMarked = stored("NEW", MentionPriority.LOW, null, LONG_AGO, false, markedBefore);

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(2);

        Map<UUID, Instant> overdueAt = overdueAt(List.of(lateNew, lateAssigned, notYetDue, awaitingClearance, answered,
                noResponseNeeded, hidden, noDueTime, alreadyMarked));
        assertThat(overdueAt.get(lateNew)).isAfterOrEqualTo(before);
        assertThat(overdueAt.get(lateAssigned)).isAfterOrEqualTo(before);
        assertThat(overdueAt.get(alreadyMarked)).isEqualTo(markedBefore);
        for (UUID untouched : List.of(notYetDue, awaitingClearance, answered, noResponseNeeded, hidden, noDueTime)) {
            assertThat(overdueAt.get(untouched)).as("overdue_at of %s", untouched).isNull();
        }

        ConsumerRecord<String, String> record = KafkaTopicReader.fromConfig().awaitRecords(Topics.MONITORING_MENTIONS,
                r -> lateAssigned.toString().equals(r.key())
                        && EventType.MENTION_OVERDUE.ceType().equals(KafkaTopicReader.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(30)).get(0);
        MentionOverdue event = (MentionOverdue) CloudEventAssertions.assertCloudEvent(record,
                EventType.MENTION_OVERDUE, "/clearpost/monitoring-service");
        assertThat(event.mentionId()).isEqualTo(lateAssigned);
        assertThat(event.network()).isEqualTo(Network.X);
        assertThat(event.priority()).isEqualTo(MentionPriority.HIGH);
        assertThat(event.state()).isEqualTo(MentionState.ASSIGNED);
        assertThat(event.assignee()).isEqualTo("mo");
        assertThat(event.dueAt()).isEqualTo(LONG_AGO.plusSeconds(60));
        assertThat(event.detectedAt()).isEqualTo(overdueAt.get(lateAssigned));

        // A second sweep finds nothing more of these: an overdue mention is announced once.
        List<MentionOverdue> again = mentions.markOverdue(1000);
        assertThat(again).extracting(MentionOverdue::mentionId).doesNotContain(lateNew, lateAssigned, alreadyMarked);
        assertThat(overdueAt(List.of(lateNew)).get(lateNew)).isEqualTo(overdueAt.get(lateNew));
    }

    @Test
    void replicasSweepingAtOnceMarkEachMentionExactlyOnce() throws Exception {
        Set<UUID> late = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            late.add(stored(i % 2 == 0 ? "NEW" : "ASSIGNED", MentionPriority.CRITICAL, null, LONG_AGO.plusSeconds(i),
                    false, null));
        }

        int replicas = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<CompletableFuture<List<MentionOverdue>>> sweeps = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                sweeps.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    List<MentionOverdue> sent = new ArrayList<>();
                    List<MentionOverdue> batch;
                    do {
                        batch = mentions.markOverdue(7);
                        sent.addAll(batch);
                    } while (!batch.isEmpty());
                    return sent;
                }, pool));
            }
            start.countDown();
            List<UUID> announced = new ArrayList<>();
            for (CompletableFuture<List<MentionOverdue>> sweep : sweeps) {
                sweep.get().stream().map(MentionOverdue::mentionId).filter(late::contains).forEach(announced::add);
            }
            assertThat(announced).hasSize(late.size()).doesNotHaveDuplicates();
            assertThat(overdueAt(List.copyOf(late)).values()).doesNotContainNull();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID stored(String status, MentionPriority priority, String assignee, Instant dueAt, boolean hidden,
            Instant overdueAt) throws SQLException {
        String sql = """
                INSERT INTO mention (id, network, external_id, account, author_id, author_name, text, url,
                                     mentioned_at, received_at, status, priority, assignee, due_at, hidden, overdue_at)
                VALUES (?, 'X', ?, 'clearpost_demo', '42', 'Resident', 'When does the helpline open?', NULL,
                        ?, ?, ?, ?, ?, ?, ?, ?)""";
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, id);
            insert.setString(2, "overdue-" + id);
            insert.setTimestamp(3, Timestamp.from(LONG_AGO));
            insert.setTimestamp(4, Timestamp.from(LONG_AGO));
            insert.setString(5, status);
            insert.setString(6, priority.name());
            insert.setString(7, assignee);
            insert.setTimestamp(8, dueAt == null ? null : Timestamp.from(dueAt));
            insert.setBoolean(9, hidden);
            insert.setTimestamp(10, overdueAt == null ? null : Timestamp.from(overdueAt));
            insert.executeUpdate();
        }
        return id;
    }

    private Map<UUID, Instant> overdueAt(List<UUID> ids) throws SQLException {
        Map<UUID, Instant> result = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, overdue_at FROM mention WHERE id = ANY(?)")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Timestamp at = row.getTimestamp(2);
                    result.put(row.getObject(1, UUID.class), at == null ? null : at.toInstant());
                }
            }
        }
        assertThat(result).hasSize(ids.size());
        return result;
    }
}
