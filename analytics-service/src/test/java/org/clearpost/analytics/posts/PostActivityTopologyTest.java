package org.clearpost.analytics.posts;

import org.clearpost.analytics.testing.FigureDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearpost.analytics.posts.Posts.london;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.Network;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostActivity;
import org.junit.jupiter.api.Test;

class PostActivityTopologyTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static String key(LocalDate day, Network network, String account, String campaign) {
        return Figure.key(day, network, account, campaign);
    }

    @Test
    void countsEachTargetOfAVersionOnTheDayOfEachEvent() {
        Posts post = Posts.onXAndFacebook();
        try (FigureDriver driver = new FigureDriver(PostActivityTopology.withDefaults())) {
            driver.pipe(post.drafted(london("2026-03-02T10:00")), london("2026-03-02T10:00"))
                    .pipe(post.cleared("normal", london("2026-03-02T11:00")), london("2026-03-02T11:00"))
                    .pipe(post.published(0, london("2026-03-03T09:00")), london("2026-03-03T09:00"))
                    .pipe(post.failed(1, london("2026-03-03T09:01")), london("2026-03-03T09:01"));

            Map<String, PostActivity> rows = driver.store(FigureType.POST_ACTIVITY);
            assertThat(rows).hasSize(4);
            assertThat(rows.get(key(MONDAY, Network.X, "@council", "spring-clean")))
                    .isEqualTo(new PostActivity(MONDAY, Network.X, "@council", "spring-clean", 1, 1, 0, 0, 0, 0,
                            london("2026-03-02T11:00")));
            assertThat(rows.get(key(MONDAY, Network.FACEBOOK, "council-page", "spring-clean")).cleared()).isOne();
            PostActivity tuesdayX = rows.get(key(MONDAY.plusDays(1), Network.X, "@council", "spring-clean"));
            assertThat(tuesdayX.published()).isOne();
            assertThat(tuesdayX.failed()).isZero();
            assertThat(tuesdayX.drafted()).isZero();
            PostActivity tuesdayFacebook = rows.get(key(MONDAY.plusDays(1), Network.FACEBOOK, "council-page",
                    "spring-clean"));
            assertThat(tuesdayFacebook.failed()).isOne();
            assertThat(tuesdayFacebook.asOf()).isEqualTo(london("2026-03-03T09:01"));
        }
    }

    @Test
    void aDecisionOrPublicationBeforeItsDraftCountsWhenTheDraftArrives() {
        Posts rejectedPost = Posts.onXAndFacebook();
        Posts sentBack = Posts.onX();
        try (FigureDriver driver = new FigureDriver(PostActivityTopology.withDefaults())) {
            // clearance's topic is read ahead of drafting's (as in a rebuild): the decisions come first
            driver.pipe(rejectedPost.rejected(london("2026-03-02T15:00")), london("2026-03-02T15:00"))
                    .pipe(sentBack.changesRequested(london("2026-03-02T15:30")), london("2026-03-02T15:30"));
            assertThat(driver.<PostActivity>store(FigureType.POST_ACTIVITY)).isEmpty();

            driver.pipe(rejectedPost.drafted(london("2026-03-01T18:00")), london("2026-03-01T18:00"))
                    .pipe(sentBack.drafted(london("2026-03-02T09:00")), london("2026-03-02T09:00"));

            Map<String, PostActivity> rows = driver.store(FigureType.POST_ACTIVITY);
            // drafted on Sunday, rejected on Monday: each on its own day, for both targets, with the draft's campaign
            assertThat(rows.get(key(MONDAY.minusDays(1), Network.X, "@council", "spring-clean")).drafted()).isOne();
            assertThat(rows.get(key(MONDAY, Network.X, "@council", "spring-clean")).rejected()).isOne();
            assertThat(rows.get(key(MONDAY, Network.FACEBOOK, "council-page", "spring-clean")).rejected()).isOne();
            PostActivity noCampaign = rows.get(key(MONDAY, Network.X, "@council", null));
            assertThat(noCampaign.changesRequested()).isOne();
            assertThat(noCampaign.drafted()).isOne();
            assertThat(noCampaign.asOf()).isEqualTo(london("2026-03-02T15:30"));
        }
    }

    @Test
    void anEventWithinTheGracePeriodCountsInItsOwnDay() {
        Posts early = Posts.onX();
        Posts late = Posts.onX();
        PostActivityTopology part = PostActivityTopology.withDefaults();
        try (FigureDriver driver = new FigureDriver(part)) {
            driver.pipe(early.drafted(london("2026-03-03T10:00")), london("2026-03-03T10:00"))
                    // Monday evening's draft arrives after Tuesday morning's: 10 hours into the day's 24-hour grace
                    .pipe(late.drafted(london("2026-03-02T20:00")), london("2026-03-02T20:00"));

            Map<String, PostActivity> rows = driver.store(FigureType.POST_ACTIVITY);
            assertThat(rows.get(key(MONDAY, Network.X, "@council", null)).drafted()).isOne();
            assertThat(rows.get(key(MONDAY.plusDays(1), Network.X, "@council", null)).drafted()).isOne();
            assertThat(part.lateDropped()).isZero();
        }
    }

    @Test
    void anEventLaterThanTheGracePeriodIsDroppedAndCounted() {
        PostActivityTopology part = PostActivityTopology.withDefaults();
        try (FigureDriver driver = new FigureDriver(part)) {
            Posts monday = Posts.onX();
            driver.pipe(monday.drafted(london("2026-03-02T10:00")), london("2026-03-02T10:00"))
                    .pipe(Posts.onX().drafted(london("2026-03-04T00:30")), london("2026-03-04T00:30"))
                    // Monday closed at Tuesday 00:00 plus a day's grace: Wednesday 00:00, half an hour ago
                    .pipe(Posts.onX().drafted(london("2026-03-02T23:00")), london("2026-03-02T23:00"))
                    .pipe(monday.cleared("normal", london("2026-03-02T16:00")), london("2026-03-02T16:00"));

            Map<String, PostActivity> rows = driver.store(FigureType.POST_ACTIVITY);
            assertThat(rows.get(key(MONDAY, Network.X, "@council", null)))
                    .extracting(PostActivity::drafted, PostActivity::cleared, PostActivity::asOf)
                    .containsExactly(1L, 0L, london("2026-03-02T10:00"));
            assertThat(part.lateDropped()).isEqualTo(2);
        }
    }

    @Test
    void bucketsOlderThanTheRetentionArePrunedFromTheStoreButNotTheTopic() {
        PostActivityTopology part = new PostActivityTopology(Duration.ofHours(1), Duration.ofDays(3));
        assertThat(part.retention()).isEqualTo(Duration.ofDays(3));
        try (FigureDriver driver = new FigureDriver(part)) {
            driver.pipe(Posts.onX().drafted(london("2026-03-02T10:00")), london("2026-03-02T10:00"))
                    .pipe(Posts.onX().drafted(london("2026-03-05T10:00")), london("2026-03-05T10:00"));
            assertThat(driver.<PostActivity>store(FigureType.POST_ACTIVITY)).hasSize(2);

            // Monday ended Tuesday 00:00; three days later is Friday 00:00
            driver.pipe(Posts.onX().drafted(london("2026-03-06T01:00")), london("2026-03-06T01:00"));

            assertThat(driver.<PostActivity>store(FigureType.POST_ACTIVITY).keySet()).containsExactlyInAnyOrder(
                    key(MONDAY.plusDays(3), Network.X, "@council", null),
                    key(MONDAY.plusDays(4), Network.X, "@council", null));
            assertThat(driver.<PostActivity>topicRows(FigureType.POST_ACTIVITY)).hasSize(3);
        }
    }

    @Test
    void aRetentionNoLongerThanGracePlusADayIsRefused() {
        assertThatThrownBy(() -> new PostActivityTopology(Duration.ofDays(2), Duration.ofDays(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }

    @Test
    void rowsGoToTheFigureTopicAsCloudEvents() {
        Posts post = Posts.onX();
        try (FigureDriver driver = new FigureDriver(PostActivityTopology.withDefaults())) {
            driver.pipe(post.drafted(london("2026-03-02T10:00")), london("2026-03-02T10:00"));

            List<TestRecord<String, PostActivity>> records = driver.topic(FigureType.POST_ACTIVITY);
            assertThat(records).hasSize(1);
            TestRecord<String, PostActivity> record = records.get(0);
            assertThat(record.key()).isEqualTo(key(MONDAY, Network.X, "@council", null));
            assertThat(FigureDriver.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("clearpost.figure.post-activity.v1");
            assertThat(FigureDriver.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/clearpost/analytics-service");
            assertThat(FigureDriver.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(FigureDriver.header(record, CloudEventHeaders.TIME))
                    .isEqualTo(london("2026-03-02T10:00").toString());
            assertThat(FigureDriver.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(record.key());
            assertThat(FigureDriver.header(record, CloudEventHeaders.ID)).isNotBlank();
        }
    }
}
