package org.clearpost.analytics.posts;

import org.clearpost.analytics.testing.FigureDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clearpost.analytics.posts.Posts.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.figures.ClearanceTurnaround;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

class ClearanceTurnaroundTopologyTest {

    /** A week with no bank holiday. */
    private static final LocalDate WEEK = LocalDate.of(2026, 3, 2);

    @Test
    void businessTimeSkipsTheEasterBankHolidayWeekend() {
        // Easter 2026 in England and Wales: Good Friday 3 April and Easter Monday 6 April are bank holidays
        Posts post = Posts.onX();
        Instant submitted = london("2026-04-02T16:00");
        Instant cleared = london("2026-04-07T10:00");
        try (FigureDriver driver = new FigureDriver(ClearanceTurnaroundTopology.withDefaults())) {
            driver.pipe(post.drafted(submitted), submitted)
                    .pipe(post.opened("normal", null, submitted, submitted.plusSeconds(5)), submitted.plusSeconds(5))
                    .pipe(post.cleared("normal", cleared), cleared);

            ClearanceTurnaround row = driver.<ClearanceTurnaround>store(FigureType.CLEARANCE_TURNAROUND)
                    .get(Figure.key("normal", LocalDate.of(2026, 4, 6)));
            assertThat(row.decisions()).isOne();
            assertThat(row.cleared()).isOne();
            // Thursday 16:00-17:00 and Tuesday 09:00-10:00; not Good Friday, the weekend or Easter Monday
            assertThat(row.businessSeconds().max()).isEqualTo(2 * 3600);
            assertThat(row.businessSeconds().p50()).isEqualTo(2 * 3600);
            assertThat(row.wallClockSeconds().max()).isEqualTo(Duration.ofDays(4).plusHours(18).toSeconds());
            assertThat(row.asOf()).isEqualTo(cleared);
        }
    }

    @Test
    void percentilesAndMaximumOfKnownTurnarounds() {
        try (FigureDriver driver = new FigureDriver(ClearanceTurnaroundTopology.withDefaults())) {
            // 100 posts submitted Monday 09:00, decided after 1, 2, ... 100 minutes (the order shuffled)
            Instant submitted = london("2026-03-02T09:00");
            List<Integer> minutes = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 100)
                    .boxed().toList());
            java.util.Collections.shuffle(minutes, new java.util.Random(12));
            for (int minute : minutes) {
                Posts post = Posts.onX();
                driver.pipe(post.opened("normal", null, submitted, submitted), submitted);
                Instant decided = submitted.plusSeconds(60L * minute);
                driver.pipe(post.cleared("normal", decided), decided);
            }
            ClearanceTurnaround row = driver.<ClearanceTurnaround>store(FigureType.CLEARANCE_TURNAROUND)
                    .get(Figure.key("normal", WEEK));
            assertThat(row.decisions()).isEqualTo(100);
            assertThat(row.businessSeconds().count()).isEqualTo(100);
            assertThat(row.businessSeconds().max()).isEqualTo(6000);
            assertThat(row.businessSeconds().p50()).isCloseTo(50.5 * 60, within(60.0));
            assertThat(row.businessSeconds().p90()).isCloseTo(90.5 * 60, within(60.0));
            assertThat(row.wallClockSeconds()).isEqualTo(row.businessSeconds());
            // the digest in the row is the one the percentiles came from, so weeks can be merged
            assertThat(Digests.percentiles(Digests.read(row.digest()))).isEqualTo(row.businessSeconds());
        }
    }

    @Test
    void theLatestRerouteDecidesTheRouteAndEachOutcomeIsCounted() {
        Posts rerouted = Posts.onX();
        Posts rejected = Posts.onX();
        Posts sentBack = Posts.onX();
        Instant submitted = london("2026-03-02T09:00");
        try (FigureDriver driver = new FigureDriver(ClearanceTurnaroundTopology.withDefaults())) {
            driver.pipe(rerouted.opened("normal", null, submitted, submitted), submitted)
                    .pipe(rerouted.rerouted("normal", "pre-election", null, submitted.plusSeconds(60)),
                            submitted.plusSeconds(60))
                    .pipe(rerouted.cleared("normal", submitted.plusSeconds(3600)), submitted.plusSeconds(3600))
                    .pipe(rejected.opened("pre-election", null, submitted, submitted), submitted)
                    .pipe(rejected.rejected(submitted.plusSeconds(7200)), submitted.plusSeconds(7200))
                    .pipe(sentBack.opened("normal", null, submitted, submitted), submitted)
                    .pipe(sentBack.changesRequested(submitted.plusSeconds(600)), submitted.plusSeconds(600))
                    .pipe(sentBack.overdue("normal", submitted.plusSeconds(900)), submitted.plusSeconds(900));

            Map<String, ClearanceTurnaround> rows = driver.store(FigureType.CLEARANCE_TURNAROUND);
            ClearanceTurnaround preElection = rows.get(Figure.key("pre-election", WEEK));
            assertThat(preElection.decisions()).isEqualTo(2);
            assertThat(preElection.cleared()).isOne();
            assertThat(preElection.rejected()).isOne();
            assertThat(preElection.businessSeconds().max()).isEqualTo(7200);
            ClearanceTurnaround normal = rows.get(Figure.key("normal", WEEK));
            assertThat(normal.changesRequested()).isOne();
            assertThat(normal.decisions()).isOne();
            assertThat(normal.overdue()).isOne();
            assertThat(normal.businessSeconds().count()).isOne();
        }
    }

    @Test
    void aDecisionBeforeItsSubmissionIsKnownWaitsForTheDraft() {
        Posts post = Posts.onX();
        Instant submitted = london("2026-03-02T09:00");
        try (FigureDriver driver = new FigureDriver(ClearanceTurnaroundTopology.withDefaults())) {
            // no case on record (older events), and clearance's topic read ahead of drafting's
            driver.pipe(post.rejected(submitted.plusSeconds(1800)), submitted.plusSeconds(1800));
            assertThat(driver.<ClearanceTurnaround>store(FigureType.CLEARANCE_TURNAROUND)).isEmpty();
            driver.pipe(post.drafted(submitted), submitted);

            ClearanceTurnaround row = driver.<ClearanceTurnaround>store(FigureType.CLEARANCE_TURNAROUND)
                    .get(Figure.key(ClearanceTurnaroundTopology.UNKNOWN_ROUTE, WEEK));
            assertThat(row.rejected()).isOne();
            assertThat(row.businessSeconds().max()).isEqualTo(1800);
        }
    }

    @Test
    void outOfOrderWithinGraceCountsInItsWeekAndLaterIsDropped() {
        ClearanceTurnaroundTopology part = ClearanceTurnaroundTopology.withDefaults();
        try (FigureDriver driver = new FigureDriver(part)) {
            Posts nextWeek = Posts.onX();
            Posts withinGrace = Posts.onX();
            Posts tooLate = Posts.onX();
            Instant monday = london("2026-03-09T09:00");
            driver.pipe(nextWeek.opened("normal", null, monday, monday), monday)
                    .pipe(nextWeek.cleared("normal", monday.plusSeconds(60)), monday.plusSeconds(60));
            // the week of 2 March closed Monday 9 March 00:00, plus a day's grace: still open at 09:01
            Instant friday = london("2026-03-06T15:00");
            driver.pipe(withinGrace.opened("normal", null, friday, friday), friday)
                    .pipe(withinGrace.cleared("normal", friday.plusSeconds(120)), friday.plusSeconds(120));
            // Tuesday 00:30: the grace period is over
            Instant tuesday = london("2026-03-10T00:30");
            driver.pipe(Posts.onX().overdue("normal", tuesday), tuesday)
                    .pipe(tooLate.opened("normal", null, friday, friday), friday)
                    .pipe(tooLate.cleared("normal", friday.plusSeconds(180)), friday.plusSeconds(180));

            Map<String, ClearanceTurnaround> rows = driver.store(FigureType.CLEARANCE_TURNAROUND);
            assertThat(rows.get(Figure.key("normal", WEEK)).decisions()).isOne();
            assertThat(rows.get(Figure.key("normal", WEEK)).businessSeconds().max()).isEqualTo(120);
            assertThat(rows.get(Figure.key("normal", WEEK.plusWeeks(1))).decisions()).isOne();
            assertThat(part.lateDropped()).isOne();
        }
    }

    @Test
    void rowsGoToTheFigureTopicAsCloudEvents() {
        Posts post = Posts.onX();
        Instant submitted = london("2026-03-02T09:00");
        try (FigureDriver driver = new FigureDriver(ClearanceTurnaroundTopology.withDefaults())) {
            driver.pipe(post.opened("normal", null, submitted, submitted), submitted)
                    .pipe(post.cleared("normal", submitted.plusSeconds(60)), submitted.plusSeconds(60));
            List<TestRecord<String, ClearanceTurnaround>> records = driver.topic(FigureType.CLEARANCE_TURNAROUND);
            assertThat(records).hasSize(1);
            assertThat(FigureDriver.header(records.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("clearpost.figure.clearance-turnaround.v1");
            assertThat(FigureDriver.header(records.get(0), CloudEventHeaders.TIME))
                    .isEqualTo(submitted.plusSeconds(60).toString());
            assertThat(FigureDriver.header(records.get(0), CloudEventHeaders.SUBJECT))
                    .isEqualTo(Figure.key("normal", WEEK));
        }
    }
}
