package org.clearpost.analytics.posts;

import org.clearpost.analytics.testing.FigureDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.analytics.posts.Posts.london;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PreElectionReport;
import org.junit.jupiter.api.Test;

class PreElectionReportTopologyTest {

    private final UUID periodId = UUID.randomUUID();
    private final Instant starts = london("2026-04-20T00:00");
    private final Instant ends = london("2026-05-08T00:00");

    private PreElectionPeriodDeclared declared(Instant at) {
        return new PreElectionPeriodDeclared(periodId, "Local elections 2026", "local", "Council area", starts, ends,
                "lead", at);
    }

    private PreElectionReport report(FigureDriver driver) {
        return driver.<PreElectionReport>store(FigureType.PRE_ELECTION_REPORTS).get(periodId.toString());
    }

    @Test
    void reportsWhatWasDraftedRoutedRefusedRejectedExemptedAndPublished() {
        Posts before = Posts.onX();
        Posts routed = Posts.onXAndFacebook();
        Posts reroutedThenRejected = Posts.onX();
        Posts after = Posts.onX();
        Instant declaredAt = london("2026-04-01T12:00");
        Instant during = london("2026-04-21T10:00");
        try (FigureDriver driver = new FigureDriver(PreElectionReportTopology.withDefaults())) {
            driver.pipe(declared(declaredAt), declaredAt)
                    .pipe(before.drafted(london("2026-04-19T23:59")), london("2026-04-19T23:59"))
                    .pipe(routed.drafted(during), during)
                    .pipe(routed.opened("pre-election", periodId, during, during.plusSeconds(1)),
                            during.plusSeconds(1))
                    .pipe(reroutedThenRejected.drafted(during.plusSeconds(60)), during.plusSeconds(60))
                    .pipe(reroutedThenRejected.opened("normal", null, during, during.plusSeconds(61)),
                            during.plusSeconds(61))
                    .pipe(reroutedThenRejected.rerouted("normal", "pre-election", periodId, during.plusSeconds(62)),
                            during.plusSeconds(62))
                    .pipe(new PreElectionRefused(periodId, reroutedThenRejected.postId, 1, UUID.randomUUID(),
                            List.of("Names a candidate"), "clearer", during.plusSeconds(100)), during.plusSeconds(100))
                    .pipe(reroutedThenRejected.rejected(during.plusSeconds(200)), during.plusSeconds(200))
                    .pipe(new PreElectionExemptionGranted(UUID.randomUUID(), periodId, routed.postId, 1,
                            UUID.randomUUID(), "Public safety: road closure", "clearer", "Essential",
                            during.plusSeconds(300)), during.plusSeconds(300))
                    .pipe(routed.cleared("pre-election", during.plusSeconds(301)), during.plusSeconds(301))
                    .pipe(routed.published(0, during.plusSeconds(400)), during.plusSeconds(400))
                    .pipe(routed.published(1, during.plusSeconds(401)), during.plusSeconds(401))
                    .pipe(after.drafted(ends), ends);

            PreElectionReport report = report(driver);
            assertThat(report.name()).isEqualTo("Local elections 2026");
            assertThat(report.startsAt()).isEqualTo(starts);
            assertThat(report.cancelled()).isFalse();
            assertThat(report.drafted()).isEqualTo(2);
            assertThat(report.routed()).isEqualTo(2);
            assertThat(report.refused()).isOne();
            assertThat(report.refusals()).containsExactly(new PreElectionReport.Refusal(
                    reroutedThenRejected.postId, 1, List.of("Names a candidate"), "clearer", during.plusSeconds(100)));
            assertThat(report.rejected()).isOne();
            assertThat(report.exemptions()).extracting(PreElectionReport.Exemption::postId,
                    PreElectionReport.Exemption::essentialReason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(routed.postId, "Public safety: road closure"));
            // a version counts once however many of its targets went out
            assertThat(report.published()).isOne();
            // the second target's publication and the draft after the period changed nothing: not reflected
            assertThat(report.asOf()).isEqualTo(during.plusSeconds(400));
        }
    }

    @Test
    void draftsBeforeTheDeclarationIsReadAndPublicationsBeforeTheRoutingStillCount() {
        Posts post = Posts.onX();
        Instant during = london("2026-04-22T10:00");
        try (FigureDriver driver = new FigureDriver(PreElectionReportTopology.withDefaults())) {
            // drafting's and the publisher's topics read ahead of clearance's
            driver.pipe(post.drafted(during), during)
                    .pipe(post.published(0, during.plusSeconds(600)), during.plusSeconds(600))
                    .pipe(declared(london("2026-04-01T12:00")), london("2026-04-01T12:00"))
                    .pipe(post.opened("pre-election", periodId, during, during.plusSeconds(1)),
                            during.plusSeconds(1));

            PreElectionReport report = report(driver);
            assertThat(report.drafted()).isOne();
            assertThat(report.routed()).isOne();
            assertThat(report.published()).isOne();
        }
    }

    @Test
    void aCaseReroutedOffThePreElectionRouteNoLongerCountsItsRejection() {
        Posts post = Posts.onX();
        Instant during = london("2026-04-22T10:00");
        try (FigureDriver driver = new FigureDriver(PreElectionReportTopology.withDefaults())) {
            driver.pipe(declared(london("2026-04-01T12:00")), london("2026-04-01T12:00"))
                    .pipe(post.opened("pre-election", periodId, during, during), during)
                    // the period was cancelled: clearance moves the case back, naming the period behind the move
                    .pipe(post.rerouted("pre-election", "normal", periodId, during.plusSeconds(60)),
                            during.plusSeconds(60))
                    .pipe(post.rejected(during.plusSeconds(120)), during.plusSeconds(120));

            PreElectionReport report = report(driver);
            assertThat(report.routed()).isOne();
            assertThat(report.rejected()).isZero();
        }
    }

    @Test
    void aCancelledPeriodCountsOnlyTheDraftsWhileItWasInForce() {
        Instant cancelledAt = london("2026-04-25T12:00");
        try (FigureDriver driver = new FigureDriver(PreElectionReportTopology.withDefaults())) {
            driver.pipe(declared(london("2026-04-01T12:00")), london("2026-04-01T12:00"))
                    .pipe(Posts.onX().drafted(london("2026-04-22T10:00")), london("2026-04-22T10:00"))
                    .pipe(Posts.onX().drafted(london("2026-04-26T10:00")), london("2026-04-26T10:00"));
            assertThat(report(driver).drafted()).isEqualTo(2);

            driver.pipe(new PreElectionPeriodCancelled(periodId, "lead", "Election postponed", cancelledAt),
                    london("2026-04-26T11:00"));
            PreElectionReport report = report(driver);
            assertThat(report.cancelled()).isTrue();
            assertThat(report.drafted()).isOne();

            driver.pipe(Posts.onX().drafted(london("2026-04-27T10:00")), london("2026-04-27T10:00"));
            assertThat(report(driver).drafted()).isOne();
        }
    }

    @Test
    void rowsGoToTheFigureTopicAsCloudEvents() {
        Instant declaredAt = london("2026-04-01T12:00");
        try (FigureDriver driver = new FigureDriver(PreElectionReportTopology.withDefaults())) {
            driver.pipe(declared(declaredAt), declaredAt);
            List<TestRecord<String, PreElectionReport>> records = driver.topic(FigureType.PRE_ELECTION_REPORTS);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(periodId.toString());
            assertThat(FigureDriver.header(records.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("clearpost.figure.pre-election-reports.v1");
            assertThat(FigureDriver.header(records.get(0), CloudEventHeaders.TIME)).isEqualTo(declaredAt.toString());
        }
    }
}
