package org.clearpost.analytics.mentions;

import org.clearpost.analytics.testing.FigureDriver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.Network;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.ResponseTimes;
import org.junit.jupiter.api.Test;

class ResponseTimesTopologyTest {

    /** A Wednesday. */
    static final Instant WEDNESDAY = Instant.parse("2026-12-02T11:00:00Z");

    static MentionAnswered answered(Network network, Instant answeredAt, long businessSeconds, long seconds,
            boolean withinSla) {
        return new MentionAnswered(UUID.randomUUID(), network, UUID.randomUUID(), "reply", null, null,
                answeredAt.minusSeconds(seconds), null, answeredAt, businessSeconds, seconds, withinSla);
    }

    @Test
    void p50P90AndMaxOfKnownDurationsPerWeekAndNetworkAndForAllNetworks() {
        try (FigureDriver figures = new FigureDriver(new ResponseTimesTopology())) {
            for (int i = 1; i <= 100; i++) {
                Instant at = WEDNESDAY.plusSeconds(i * 60L);
                figures.pipe(answered(Network.X, at, i, i * 10L, i <= 80), at);
            }
            for (int i = 1; i <= 3; i++) {
                Instant at = WEDNESDAY.plusSeconds(7000 + i);
                figures.pipe(answered(Network.FACEBOOK, at, 1000L * i, 5000L * i, false), at);
            }
            Map<String, ResponseTimes> rows = figures.store(FigureType.RESPONSE_TIMES);
            assertEquals(List.of("2026-11-30|ALL", "2026-11-30|FACEBOOK", "2026-11-30|X"), List.copyOf(rows.keySet()));

            ResponseTimes x = rows.get("2026-11-30|X");
            assertEquals(LocalDate.parse("2026-11-30"), x.weekStart());
            assertEquals(100, x.answered());
            assertEquals(80, x.withinSla());
            assertEquals(100, x.businessSeconds().count());
            assertEquals(50.5, x.businessSeconds().p50(), 1.0);
            assertEquals(90.5, x.businessSeconds().p90(), 1.0);
            assertEquals(100, x.businessSeconds().max());
            assertEquals(505, x.wallClockSeconds().p50(), 10.0);
            assertEquals(905, x.wallClockSeconds().p90(), 10.0);
            assertEquals(1000, x.wallClockSeconds().max());
            assertEquals(WEDNESDAY.plusSeconds(6000), x.asOf());

            ResponseTimes all = rows.get("2026-11-30|ALL");
            assertEquals(103, all.answered());
            assertEquals(80, all.withinSla());
            assertEquals(3000, all.businessSeconds().max());
            assertEquals(15000, all.wallClockSeconds().max());
            assertEquals(WEDNESDAY.plusSeconds(7003), all.asOf());

            ResponseTimes facebook = rows.get("2026-11-30|FACEBOOK");
            assertEquals(2000, facebook.businessSeconds().p50(), 1.0);
            // The digests are mergeable: X's and Facebook's together are ALL's.
            assertEquals(all.businessSeconds().count(),
                    Digests.percentiles(Digests.merge(List.of(x.digest(), facebook.digest()))).count());
        }
    }

    @Test
    void anAnswerDeliveredTwiceCountsOnce() {
        try (FigureDriver figures = new FigureDriver(new ResponseTimesTopology())) {
            MentionAnswered answer = answered(Network.X, WEDNESDAY, 600, 900, true);
            figures.pipe(answer, WEDNESDAY);
            figures.pipe(answer, WEDNESDAY); // the relay resent its batch
            figures.pipe(answered(Network.X, WEDNESDAY.plusSeconds(60), 1200, 1500, false), WEDNESDAY.plusSeconds(60));
            ResponseTimes x = figures.<ResponseTimes>store(FigureType.RESPONSE_TIMES).get("2026-11-30|X");
            assertEquals(2, x.answered());
            assertEquals(2, x.businessSeconds().count());
            assertEquals(1, x.withinSla());
        }
    }

    @Test
    void weeksStartOnMondayInLondon() {
        try (FigureDriver figures = new FigureDriver(new ResponseTimesTopology())) {
            // Sunday 28 June 23:30 UTC is Monday 00:30 in London (BST): the new week's.
            Instant mondayInLondon = Instant.parse("2026-06-28T23:30:00Z");
            figures.pipe(answered(Network.X, mondayInLondon, 60, 60, true), mondayInLondon);
            // Sunday 29 November 23:30 UTC is still Sunday in London (GMT): the week of Monday 23 November.
            Instant sundayInLondon = Instant.parse("2026-11-29T23:30:00Z");
            figures.pipe(answered(Network.X, sundayInLondon, 60, 60, true), sundayInLondon);
            assertEquals(List.of("2026-06-29|ALL", "2026-06-29|X", "2026-11-23|ALL", "2026-11-23|X"),
                    List.copyOf(figures.store(FigureType.RESPONSE_TIMES).keySet()));
        }
    }

    @Test
    void aRebuildGivesTheSameRowsAndTheRowsAreCloudEvents() {
        List<MentionAnswered> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(answered(i % 2 == 0 ? Network.X : Network.BLUESKY, WEDNESDAY.plusSeconds(i * 3600L * 7),
                    (i * 37L) % 500, (i * 91L) % 5000, i % 3 != 0));
        }
        Consumer<FigureDriver> history = figures -> answers.forEach(a -> figures.pipe(a, a.answeredAt()));
        try (FigureDriver live = new FigureDriver(new ResponseTimesTopology());
                FigureDriver rebuilt = new FigureDriver(new ResponseTimesTopology())) {
            history.accept(live);
            history.accept(rebuilt);
            assertEquals(live.store(FigureType.RESPONSE_TIMES), rebuilt.store(FigureType.RESPONSE_TIMES));
            List<TestRecord<String, ResponseTimes>> written = live.topic(FigureType.RESPONSE_TIMES);
            assertEquals(120, written.size());
            TestRecord<String, ResponseTimes> last = written.get(written.size() - 1);
            assertEquals("clearpost.figure.response-times.v1", FigureDriver.header(last, CloudEventHeaders.TYPE));
            assertEquals(last.value().asOf().toString(), FigureDriver.header(last, CloudEventHeaders.TIME));
        }
    }
}
