package org.clearpost.analytics.mentions;

import org.clearpost.analytics.testing.FigureDriver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.MentionsHourly;
import org.junit.jupiter.api.Test;

class MentionsHourlyTopologyTest {

    static final Instant TEN = Instant.parse("2026-11-30T10:00:00Z");
    static final UUID QUERY_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID QUERY_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static FigureDriver driver() {
        return new FigureDriver(new MentionsHourlyTopology(Duration.ofHours(2), Duration.ofDays(90)));
    }

    static MentionReceived mention(UUID id, Network network, String account, Instant mentionedAt,
            List<UUID> queries) {
        return new MentionReceived(id, network, "ext-" + id, account, "author", "Author", "text", null, mentionedAt,
                mentionedAt.plusSeconds(60), queries, account != null, mentionedAt.plusSeconds(60));
    }

    static MentionTriaged triage(UUID id, Network network, String sentiment, ResponseReason... reasons) {
        List<MentionTriaged.Reason> why = java.util.Arrays.stream(reasons)
                .map(reason -> new MentionTriaged.Reason(reason, "rule", "why")).toList();
        return new MentionTriaged(id, network, new MentionTriaged.Sentiment(0.5, sentiment, List.of()), why,
                why.isEmpty() ? "thanks only" : null, null, MentionPriority.MEDIUM, List.of(), false, null, false,
                List.of(), why.isEmpty() ? MentionState.NO_RESPONSE_NEEDED : MentionState.NEW, null, Instant.EPOCH);
    }

    /** A mention and its triage, as monitoring writes them (one transaction, at {@code at}). */
    static void arrive(FigureDriver figures, MentionReceived mention, MentionTriaged triage, Instant at) {
        figures.pipe(mention, at);
        figures.pipe(triage, at);
    }

    static Map<String, Long> counts(FigureDriver figures) {
        return figures.<MentionsHourly>store(FigureType.MENTIONS_HOURLY).values().stream()
                .collect(Collectors.toMap(row -> row.hourStart().toString().substring(11, 16) + " " + row.dimension()
                        + "=" + row.value(), MentionsHourly::mentions));
    }

    @Test
    void countsEachMentionOncePerDimensionValueInTheHourItWasWritten() {
        try (FigureDriver figures = driver()) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            arrive(figures, mention(a, Network.X, "@ico", TEN.plusSeconds(15 * 60), List.of(QUERY_A, QUERY_B)),
                    triage(a, Network.X, "NEGATIVE", ResponseReason.REPUTATION_RISK,
                            ResponseReason.AWARENESS_OPPORTUNITY), TEN.plusSeconds(16 * 60));
            arrive(figures, mention(b, Network.FACEBOOK, null, TEN.plusSeconds(59 * 60), List.of(QUERY_A)),
                    triage(b, Network.FACEBOOK, "POSITIVE"), TEN.plusSeconds(61 * 60));

            assertEquals(Map.of(
                    "10:00 network=X", 1L, "10:00 network=FACEBOOK", 1L, "10:00 account=@ico", 1L,
                    "10:00 query=" + QUERY_A, 2L, "10:00 query=" + QUERY_B, 1L,
                    "10:00 sentiment=NEGATIVE", 1L, "10:00 sentiment=POSITIVE", 1L,
                    "10:00 reason=REPUTATION_RISK", 1L, "10:00 reason=AWARENESS_OPPORTUNITY", 1L,
                    "10:00 reason=NO_RESPONSE_NEEDED", 1L), counts(figures));
            MentionsHourly network = figures.<MentionsHourly>store(FigureType.MENTIONS_HOURLY)
                    .get("2026-11-30T10:00:00Z|query|" + QUERY_A);
            assertEquals(TEN.plusSeconds(61 * 60), network.asOf(), "asOf is the latest event time, not the clock");
        }
    }

    @Test
    void aMentionDeliveredTwiceCountsOnce() {
        try (FigureDriver figures = driver()) {
            UUID a = UUID.randomUUID();
            MentionReceived mention = mention(a, Network.X, "@ico", TEN, List.of());
            arrive(figures, mention, triage(a, Network.X, "NEUTRAL"), TEN.plusSeconds(60));
            arrive(figures, mention, triage(a, Network.X, "NEUTRAL"), TEN.plusSeconds(120));

            assertEquals(1L, counts(figures).get("10:00 network=X"));
            assertEquals(1L, counts(figures).get("10:00 sentiment=NEUTRAL"));
        }
    }

    @Test
    void anOutOfOrderMentionWithinGraceCountsInItsHourAndOneBeyondGraceIsDroppedAndCounted() {
        try (FigureDriver figures = driver()) {
            UUID first = UUID.randomUUID();
            arrive(figures, mention(first, Network.X, "@ico", TEN.plusSeconds(150 * 60), List.of()),
                    triage(first, Network.X, "NEUTRAL"), TEN.plusSeconds(151 * 60)); // 12:30, stream time 12:31
            UUID outOfOrder = UUID.randomUUID();
            // Written at 10:50, arriving at 12:40: its hour ended at 11:00, 1h40 ago, within the 2h grace.
            arrive(figures, mention(outOfOrder, Network.X, "@ico", TEN.plusSeconds(50 * 60), List.of()),
                    triage(outOfOrder, Network.X, "NEGATIVE"), TEN.plusSeconds(160 * 60));
            assertEquals(1L, counts(figures).get("10:00 network=X"));
            assertEquals(1L, counts(figures).get("10:00 sentiment=NEGATIVE"));
            assertEquals(0.0, figures.metricTotal(MentionBuckets.DROPPED_METRIC + "-total"));

            UUID later = UUID.randomUUID();
            arrive(figures, mention(later, Network.X, "@ico", TEN.plusSeconds(200 * 60), List.of()),
                    triage(later, Network.X, "NEUTRAL"), TEN.plusSeconds(201 * 60)); // stream time 13:21
            UUID late = UUID.randomUUID();
            // Written at 10:55, arriving at 13:25: 2h25 after its hour ended, beyond the grace.
            arrive(figures, mention(late, Network.X, "@ico", TEN.plusSeconds(55 * 60), List.of()),
                    triage(late, Network.X, "POSITIVE"), TEN.plusSeconds(205 * 60));

            Map<String, Long> counts = counts(figures);
            assertEquals(1L, counts.get("10:00 network=X"), "the late mention is not counted");
            assertFalse(counts.containsKey("10:00 sentiment=POSITIVE"), "nor is its triage");
            assertEquals(1.0, figures.metricTotal(MentionBuckets.DROPPED_METRIC + "-total"));
            assertEquals(1L, counts.get("12:00 network=X"));
            assertEquals(1L, counts.get("13:00 network=X"));
        }
    }

    @Test
    void rowsOlderThanTheRetentionAreDeletedAndTombstonedOnTheTopic() {
        try (FigureDriver figures = driver()) {
            UUID old = UUID.randomUUID();
            arrive(figures, mention(old, Network.X, "@ico", TEN, List.of()), triage(old, Network.X, "NEUTRAL"),
                    TEN.plusSeconds(60));
            figures.topic(FigureType.MENTIONS_HOURLY);
            UUID recent = UUID.randomUUID();
            Instant later = TEN.plus(Duration.ofDays(91));
            arrive(figures, mention(recent, Network.X, "@ico", later, List.of()),
                    triage(recent, Network.X, "NEUTRAL"), later.plusSeconds(60));

            Map<String, MentionsHourly> rows = figures.store(FigureType.MENTIONS_HOURLY);
            assertTrue(rows.keySet().stream().noneMatch(key -> key.startsWith("2026-11-30T10")), rows.keySet().toString());
            assertEquals(4, rows.size(), "the recent hour's network, account, sentiment and reason rows");
            List<TestRecord<String, MentionsHourly>> written = figures.topic(FigureType.MENTIONS_HOURLY);
            assertEquals(4, written.stream().filter(r -> r.value() == null && r.key().startsWith("2026-11-30T10"))
                    .count(), "a tombstone for each old row");
        }
    }

    @Test
    void rowsGoToTheFigureTopicAsCloudEvents() {
        try (FigureDriver figures = driver()) {
            UUID a = UUID.randomUUID();
            arrive(figures, mention(a, Network.X, "@ico", TEN, List.of()), triage(a, Network.X, "NEUTRAL"),
                    TEN.plusSeconds(90));
            List<TestRecord<String, MentionsHourly>> written = figures.topic(FigureType.MENTIONS_HOURLY);
            assertEquals(4, written.size());
            TestRecord<String, MentionsHourly> network = written.get(0);
            assertEquals("2026-11-30T10:00:00Z|network|X", network.key());
            assertEquals(new MentionsHourly(TEN, "network", "X", 1, TEN.plusSeconds(90)), network.value());
            assertEquals("clearpost.figure.mentions-hourly.v1", FigureDriver.header(network, CloudEventHeaders.TYPE));
            assertEquals("/clearpost/analytics-service", FigureDriver.header(network, CloudEventHeaders.SOURCE));
            assertEquals("1.0", FigureDriver.header(network, CloudEventHeaders.SPEC_VERSION));
            assertEquals(TEN.plusSeconds(90).toString(), FigureDriver.header(network, CloudEventHeaders.TIME));
            assertEquals(network.key(), FigureDriver.header(network, CloudEventHeaders.SUBJECT));
            assertNotNull(FigureDriver.header(network, CloudEventHeaders.ID));
            assertEquals("application/json", FigureDriver.header(network, CloudEventHeaders.CONTENT_TYPE));
        }
    }

    @Test
    void aRebuildFromTheSameEventsGivesTheSameRowsAndRecords() {
        Consumer<FigureDriver> history = figures -> {
            for (int i = 0; i < 40; i++) {
                UUID id = new UUID(0, i);
                Network network = i % 3 == 0 ? Network.FACEBOOK : Network.X;
                Instant written = TEN.plusSeconds(i * 7 * 60L);
                arrive(figures, mention(id, network, i % 2 == 0 ? "@ico" : null, written,
                        i % 4 == 0 ? List.of(QUERY_A) : List.of()),
                        triage(id, network, i % 5 == 0 ? "NEGATIVE" : "NEUTRAL",
                                i % 6 == 0 ? new ResponseReason[] {ResponseReason.REPEATED_THEME}
                                        : new ResponseReason[0]),
                        written.plusSeconds(i % 7 == 0 ? 3 * 3600 : 90)); // some beyond grace
            }
        };
        try (FigureDriver live = driver(); FigureDriver rebuilt = driver()) {
            history.accept(live);
            history.accept(rebuilt);
            assertEquals(live.store(FigureType.MENTIONS_HOURLY), rebuilt.store(FigureType.MENTIONS_HOURLY));
            List<TestRecord<String, MentionsHourly>> a = live.topic(FigureType.MENTIONS_HOURLY);
            List<TestRecord<String, MentionsHourly>> b = rebuilt.topic(FigureType.MENTIONS_HOURLY);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).key(), b.get(i).key());
                assertEquals(a.get(i).value(), b.get(i).value());
                assertEquals(FigureDriver.header(a.get(i), CloudEventHeaders.ID),
                        FigureDriver.header(b.get(i), CloudEventHeaders.ID));
            }
            assertTrue(live.metricTotal(MentionBuckets.DROPPED_METRIC + "-total") > 0, "the history has late ones");
        }
    }

    @Test
    void aTriageArrivingBeyondTheGraceIsDroppedWhileItsMentionStaysCounted() {
        try (FigureDriver figures = driver()) {
            UUID a = UUID.randomUUID();
            figures.pipe(mention(a, Network.X, "@ico", TEN.plusSeconds(600), List.of()), TEN.plusSeconds(660));
            UUID b = UUID.randomUUID();
            Instant later = TEN.plusSeconds(3 * 3600 + 1800); // 13:30: the 10:00 hour closed at 13:00
            arrive(figures, mention(b, Network.X, "@ico", later, List.of()), triage(b, Network.X, "NEUTRAL"), later);
            figures.pipe(triage(a, Network.X, "NEGATIVE"), later.plusSeconds(60));

            Map<String, Long> counts = counts(figures);
            assertEquals(1L, counts.get("10:00 network=X"));
            assertFalse(counts.containsKey("10:00 sentiment=NEGATIVE"));
            assertEquals(1.0, figures.metricTotal(MentionBuckets.DROPPED_METRIC + "-total"));
        }
    }

    @Test
    void aTriageWhoseMentionWasNeverReadIsDroppedAndCounted() {
        try (FigureDriver figures = driver()) {
            figures.pipe(triage(UUID.randomUUID(), Network.X, "NEUTRAL"), TEN);
            assertTrue(figures.store(FigureType.MENTIONS_HOURLY).isEmpty());
            assertEquals(1.0, figures.metricTotal(MentionBuckets.DROPPED_METRIC + "-total"));
        }
    }

    @Test
    void exposesItsGraceAndRetentionAndRefusesARetentionShorterThanTheGrace() {
        MentionsHourlyTopology part = new MentionsHourlyTopology(Duration.ofHours(3), Duration.ofDays(30));
        assertEquals(Duration.ofDays(30), part.retention(FigureType.MENTIONS_HOURLY));
        assertEquals(Duration.ofHours(3), part.grace(FigureType.MENTIONS_HOURLY));
        assertThrows(IllegalArgumentException.class,
                () -> new MentionsHourlyTopology(Duration.ofHours(3), Duration.ofHours(2)));
    }
}
