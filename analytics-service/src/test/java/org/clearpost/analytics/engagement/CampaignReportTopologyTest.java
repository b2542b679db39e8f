package org.clearpost.analytics.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.analytics.testing.FigureDriver;
import org.clearpost.events.AccountRef;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Target;
import org.clearpost.events.figures.CampaignReport;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

class CampaignReportTopologyTest {

    static final LocalDate STARTS = LocalDate.parse("2026-12-01");
    static final LocalDate ENDS = LocalDate.parse("2026-12-14");
    static final CampaignRef WINTER = new CampaignRef("winter", "Winter rights", STARTS, ENDS);
    static final Instant DAY_TWO = Instant.parse("2026-12-02T09:00:00Z");

    /** An event and when it was written. */
    record At(ClearpostEvent event, Instant time) {
    }

    static CampaignDefined winter(Instant at) {
        return new CampaignDefined("winter", "Winter rights", STARTS, ENDS, "public", "#winter",
                List.of(new AccountRef(Network.X, "@ico"), new AccountRef(Network.LINKEDIN, "ico-corp"),
                        new AccountRef(Network.BLUESKY, "ico.org.uk")), "lead", at);
    }

    static Target target(UUID id, Network network, String account, UUID shares) {
        return new Target(id, network, account, null, List.of(), null, null, List.of(), shares);
    }

    /** A post drafted, cleared and published (each target) on {@code day}, in the given campaign. */
    static List<At> post(UUID postId, CampaignRef campaign, Instant day, List<Target> targets) {
        List<At> events = new ArrayList<>();
        events.add(new At(new PostDrafted(postId, 1, "hash", "author", "text", targets, null, campaign, null, null,
                null, null, List.of(), day.minusSeconds(3600)), day.minusSeconds(3600)));
        events.add(new At(new PostCleared(postId, 1, "hash", "author", "normal", "clearer", null, "text", targets,
                null, campaign, null, null, null, day.minusSeconds(600)), day.minusSeconds(600)));
        for (Target target : targets) {
            events.add(new At(new PostPublished(postId, 1, target.targetId(), target.network(), target.account(),
                    "ext-" + target.targetId(), null, false, day), day));
        }
        return events;
    }

    static At sample(UUID postId, Target target, Instant published, Instant sampledAt, Map<String, Long> metrics) {
        return new At(new PostMetricsSampled(postId, 1, target.targetId(), target.network(), target.account(),
                "ext-" + target.targetId(), "winter", published, "1h", metrics, List.of(), sampledAt), sampledAt);
    }

    static final UUID P1 = new UUID(1, 1);
    static final Target X_POST = target(new UUID(1, 11), Network.X, "@ico", null);
    static final Target LINKEDIN_SHARE = target(new UUID(1, 12), Network.LINKEDIN, "ico-corp", X_POST.targetId());
    static final Target FACEBOOK_POST = target(new UUID(1, 13), Network.FACEBOOK, "ico", null);

    /** The campaign's history: one post in it on day two, one after its end, one in no campaign. */
    static List<At> history() {
        List<At> events = new ArrayList<>();
        events.add(new At(winter(Instant.parse("2026-11-20T10:00:00Z")), Instant.parse("2026-11-20T10:00:00Z")));
        events.addAll(post(P1, WINTER, DAY_TWO, List.of(X_POST, LINKEDIN_SHARE, FACEBOOK_POST)));
        events.add(sample(P1, X_POST, DAY_TWO, DAY_TWO.plusSeconds(3600),
                Map.of("impressions", 1000L, "engagements", 50L, "linkClicks", 7L)));
        events.add(sample(P1, LINKEDIN_SHARE, DAY_TWO, DAY_TWO.plusSeconds(3601),
                Map.of("impressions", 300L, "likes", 3L, "replies", 1L)));
        events.add(sample(P1, X_POST, DAY_TWO, DAY_TWO.plusSeconds(6 * 3600),
                Map.of("impressions", 2000L, "engagements", 80L, "linkClicks", 9L)));
        // Published the day after the campaign ended (London): outside it.
        UUID after = new UUID(2, 2);
        Target afterTarget = target(new UUID(2, 21), Network.X, "@ico", null);
        Instant dayAfterEnd = Instant.parse("2026-12-15T00:30:00Z");
        events.addAll(post(after, WINTER, dayAfterEnd, List.of(afterTarget)));
        events.add(sample(after, afterTarget, dayAfterEnd, dayAfterEnd.plusSeconds(3600),
                Map.of("impressions", 5000L)));
        // In no campaign.
        UUID none = new UUID(3, 3);
        events.addAll(post(none, null, DAY_TWO, List.of(target(new UUID(3, 31), Network.X, "@ico", null))));
        return events;
    }

    static void replay(FigureDriver figures, List<At> events) {
        events.forEach(at -> figures.pipe(at.event(), at.time()));
    }

    static final List<CampaignReport.Row> EXPECTED = List.of(
            new CampaignReport.Row(Network.X, "@ico", 1, 0, 2000, 80, 9),
            new CampaignReport.Row(Network.FACEBOOK, "ico", 1, 0, 0, 0, 0),
            new CampaignReport.Row(Network.LINKEDIN, "ico-corp", 1, 1, 300, 4, 0),
            new CampaignReport.Row(Network.BLUESKY, "ico.org.uk", 0, 0, 0, 0, 0));

    static List<CampaignReport.Row> sorted(List<CampaignReport.Row> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing((CampaignReport.Row r) -> r.network().name())
                .thenComparing(CampaignReport.Row::account)).toList();
    }

    @Test
    void postsReachEngagementsLinkClicksAndCorporateSharesPerAccountAndNetworkWithinTheDates() {
        try (FigureDriver figures = new FigureDriver(new CampaignReportTopology())) {
            replay(figures, history());
            Map<String, CampaignReport> reports = figures.store(FigureType.CAMPAIGN_REPORTS);
            assertEquals(List.of("winter"), List.copyOf(reports.keySet()));
            CampaignReport winter = reports.get("winter");
            assertEquals("Winter rights", winter.name());
            assertEquals(STARTS, winter.startsOn());
            assertEquals(ENDS, winter.endsOn());
            assertEquals(sorted(EXPECTED), winter.rows());
            assertEquals(Instant.parse("2026-12-15T01:30:00Z"), winter.asOf(), "its latest event's time");
        }
    }

    @Test
    void theSameReportWhateverOrderTheTopicsAreReadIn() {
        List<At> events = new ArrayList<>(history());
        At definition = events.remove(0);
        // The campaign's definition last; the publisher's events before drafting's and clearance's.
        List<At> reordered = new ArrayList<>();
        events.stream().filter(at -> EventType.of(at.event()) == EventType.POST_METRICS_SAMPLED).forEach(reordered::add);
        events.stream().filter(at -> EventType.of(at.event()) == EventType.POST_PUBLISHED).forEach(reordered::add);
        events.stream().filter(at -> !reordered.contains(at)).forEach(reordered::add);
        reordered.add(definition);
        try (FigureDriver figures = new FigureDriver(new CampaignReportTopology())) {
            replay(figures, reordered.subList(0, reordered.size() - 1));
            assertNull(figures.<CampaignReport>store(FigureType.CAMPAIGN_REPORTS).get("winter"),
                    "no report before the campaign is defined");
            replay(figures, List.of(definition));
            assertEquals(sorted(EXPECTED),
                    figures.<CampaignReport>store(FigureType.CAMPAIGN_REPORTS).get("winter").rows());
        }
    }

    @Test
    void aRedefinitionOfTheDatesRecountsThePosts() {
        try (FigureDriver figures = new FigureDriver(new CampaignReportTopology())) {
            replay(figures, history());
            Instant at = Instant.parse("2026-12-20T10:00:00Z");
            figures.pipe(new CampaignDefined("winter", "Winter rights", STARTS, LocalDate.parse("2026-12-31"),
                    "public", "#winter", List.of(new AccountRef(Network.X, "@ico")), "lead", at), at);
            CampaignReport winter = figures.<CampaignReport>store(FigureType.CAMPAIGN_REPORTS).get("winter");
            assertEquals(new CampaignReport.Row(Network.X, "@ico", 2, 0, 7000, 80, 9), winter.rows().stream()
                    .filter(row -> row.network() == Network.X).findFirst().orElseThrow());
        }
    }

    @Test
    void aRebuildGivesTheSameReportAndRecordsAsCloudEvents() {
        try (FigureDriver live = new FigureDriver(new CampaignReportTopology());
                FigureDriver rebuilt = new FigureDriver(new CampaignReportTopology())) {
            replay(live, history());
            replay(rebuilt, history());
            assertEquals(live.store(FigureType.CAMPAIGN_REPORTS), rebuilt.store(FigureType.CAMPAIGN_REPORTS));
            List<TestRecord<String, CampaignReport>> a = live.topic(FigureType.CAMPAIGN_REPORTS);
            List<TestRecord<String, CampaignReport>> b = rebuilt.topic(FigureType.CAMPAIGN_REPORTS);
            assertEquals(a.stream().map(TestRecord::value).toList(), b.stream().map(TestRecord::value).toList());
            TestRecord<String, CampaignReport> last = a.get(a.size() - 1);
            assertEquals("clearpost.figure.campaign-reports.v1", FigureDriver.header(last, CloudEventHeaders.TYPE));
            assertEquals("winter", FigureDriver.header(last, CloudEventHeaders.SUBJECT));
            assertEquals(FigureDriver.header(last, CloudEventHeaders.ID),
                    FigureDriver.header(b.get(b.size() - 1), CloudEventHeaders.ID));
        }
    }
}
