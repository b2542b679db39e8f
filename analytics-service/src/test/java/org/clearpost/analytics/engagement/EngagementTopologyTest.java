package org.clearpost.analytics.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.analytics.testing.FigureDriver;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.Network;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.figures.EngagementTotals;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostEngagement;
import org.junit.jupiter.api.Test;

class EngagementTopologyTest {

    static final Instant PUBLISHED = Instant.parse("2026-12-01T09:00:00Z");
    static final UUID POST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID T1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID T2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    static PostMetricsSampled sample(UUID target, Network network, String campaign, String age,
            Map<String, Long> metrics) {
        Duration after = switch (age) {
            case "1h" -> Duration.ofHours(1);
            case "6h" -> Duration.ofHours(6);
            case "24h" -> Duration.ofHours(24);
            case "7d" -> Duration.ofDays(7);
            default -> Duration.ofDays(30);
        };
        return new PostMetricsSampled(POST, 1, target, network, "@ico", "ext-" + target, campaign, PUBLISHED, age,
                metrics, List.of(), PUBLISHED.plus(after));
    }

    static void send(FigureDriver figures, PostMetricsSampled sample) {
        figures.pipe(sample, sample.sampledAt().plusSeconds(5));
    }

    @Test
    void aNewerSampleReplacesTheOlderInTheTotalsWithoutCountingTwice() {
        try (FigureDriver figures = new FigureDriver(new EngagementTopology())) {
            send(figures, sample(T1, Network.X, "winter", "1h", Map.of("impressions", 100L, "likes", 5L)));
            send(figures, sample(T2, Network.X, "winter", "1h", Map.of("impressions", 50L)));
            send(figures, sample(T1, Network.X, "winter", "6h", Map.of("impressions", 300L, "likes", 9L)));
            send(figures, sample(T1, Network.X, "winter", "6h", Map.of("impressions", 300L, "likes", 9L))); // resent

            PostEngagement t1 = figures.<PostEngagement>store(FigureType.POST_ENGAGEMENT).get(T1.toString());
            assertEquals("6h", t1.sampleAge());
            assertEquals(Map.of("impressions", 300L, "likes", 9L), t1.metrics());
            EngagementTotals totals = figures.<EngagementTotals>store(FigureType.ENGAGEMENT_TOTALS).get("winter|X");
            assertEquals(2, totals.posts());
            assertEquals(Map.of("impressions", 350L, "likes", 9L), totals.metrics());
            assertEquals(PUBLISHED.plus(Duration.ofHours(6)).plusSeconds(5), totals.asOf());
        }
    }

    @Test
    void anOlderSampleArrivingLateDoesNotReplaceTheNewerOne() {
        try (FigureDriver figures = new FigureDriver(new EngagementTopology())) {
            send(figures, sample(T1, Network.X, "winter", "24h", Map.of("impressions", 500L)));
            figures.topic(FigureType.POST_ENGAGEMENT);
            figures.topic(FigureType.ENGAGEMENT_TOTALS);
            PostMetricsSampled older = sample(T1, Network.X, "winter", "6h", Map.of("impressions", 300L));
            figures.pipe(older, PUBLISHED.plus(Duration.ofDays(2))); // delivered late

            PostEngagement t1 = figures.<PostEngagement>store(FigureType.POST_ENGAGEMENT).get(T1.toString());
            assertEquals("24h", t1.sampleAge());
            assertEquals(500L, t1.metrics().get("impressions"));
            assertEquals(Map.of("impressions", 500L),
                    figures.<EngagementTotals>store(FigureType.ENGAGEMENT_TOTALS).get("winter|X").metrics());
            assertTrue(figures.topic(FigureType.POST_ENGAGEMENT).isEmpty(), "nothing changed, nothing written");
            assertTrue(figures.topic(FigureType.ENGAGEMENT_TOTALS).isEmpty());
        }
    }

    @Test
    void aMetricTheNewerSampleLacksKeepsItsLastValue() {
        try (FigureDriver figures = new FigureDriver(new EngagementTopology())) {
            send(figures, sample(T1, Network.X, null, "7d", Map.of("impressions", 900L, "linkClicks", 12L)));
            // X gives link clicks only for posts under 30 days: the 30-day sample has none.
            send(figures, sample(T1, Network.X, null, "30d", Map.of("impressions", 1000L)));
            assertEquals(Map.of("impressions", 1000L, "linkClicks", 12L),
                    figures.<PostEngagement>store(FigureType.POST_ENGAGEMENT).get(T1.toString()).metrics());
            EngagementTotals noCampaign = figures.<EngagementTotals>store(FigureType.ENGAGEMENT_TOTALS).get("-|X");
            assertEquals(Map.of("impressions", 1000L, "linkClicks", 12L), noCampaign.metrics());
            assertEquals(1, noCampaign.posts());
        }
    }

    @Test
    void aTargetWhosePostMovedCampaignLeavesTheOldTotals() {
        try (FigureDriver figures = new FigureDriver(new EngagementTopology())) {
            send(figures, sample(T1, Network.X, "winter", "1h", Map.of("impressions", 100L)));
            send(figures, sample(T1, Network.X, "spring", "6h", Map.of("impressions", 200L)));
            Map<String, EngagementTotals> totals = figures.store(FigureType.ENGAGEMENT_TOTALS);
            assertEquals(0, totals.get("winter|X").posts());
            assertEquals(0L, totals.get("winter|X").metrics().get("impressions"));
            assertEquals(1, totals.get("spring|X").posts());
            assertEquals(200L, totals.get("spring|X").metrics().get("impressions"));
        }
    }

    @Test
    void aRebuildGivesTheSameRowsAndTheRowsAreCloudEvents() {
        List<String> ages = PostMetricsSampled.SAMPLE_AGES;
        Consumer<FigureDriver> history = figures -> {
            for (int t = 0; t < 12; t++) {
                UUID target = new UUID(7, t);
                Network network = t % 2 == 0 ? Network.X : Network.FACEBOOK;
                String campaign = t % 3 == 0 ? null : "c" + (t % 3);
                for (int a = 0; a < ages.size(); a++) {
                    // every third target's samples arrive newest first
                    int age = t % 3 == 1 ? ages.size() - 1 - a : a;
                    send(figures, sample(target, network, campaign, ages.get(age),
                            Map.of("impressions", 100L * (age + 1) + t, "likes", (long) age + t)));
                }
            }
        };
        try (FigureDriver live = new FigureDriver(new EngagementTopology());
                FigureDriver rebuilt = new FigureDriver(new EngagementTopology())) {
            history.accept(live);
            history.accept(rebuilt);
            assertEquals(live.store(FigureType.POST_ENGAGEMENT), rebuilt.store(FigureType.POST_ENGAGEMENT));
            Map<String, EngagementTotals> totals = live.store(FigureType.ENGAGEMENT_TOTALS);
            assertEquals(totals, rebuilt.store(FigureType.ENGAGEMENT_TOTALS));
            // Each target once, at its 30-day sample, however its samples arrived.
            long impressions = 0;
            for (int t = 0; t < 12; t++) {
                impressions += 500L + t;
            }
            assertEquals(impressions, totals.values().stream().mapToLong(r -> r.metrics().get("impressions")).sum());
            assertEquals(12, totals.values().stream().mapToLong(EngagementTotals::posts).sum());

            List<TestRecord<String, PostEngagement>> rows = live.topic(FigureType.POST_ENGAGEMENT);
            TestRecord<String, PostEngagement> first = rows.get(0);
            assertEquals("clearpost.figure.post-engagement.v1", FigureDriver.header(first, CloudEventHeaders.TYPE));
            assertEquals(first.key(), FigureDriver.header(first, CloudEventHeaders.SUBJECT));
            List<TestRecord<String, EngagementTotals>> sums = live.topic(FigureType.ENGAGEMENT_TOTALS);
            assertEquals("clearpost.figure.engagement-totals.v1",
                    FigureDriver.header(sums.get(0), CloudEventHeaders.TYPE));
        }
    }
}
