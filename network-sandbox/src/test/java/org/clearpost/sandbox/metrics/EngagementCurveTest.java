package org.clearpost.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementCurveTest {

    private static final String POST = "1898000000000000123";

    @Test
    void theSamePostAtTheSameAgeHasTheSameNumbers() {
        assertThat(EngagementCurve.at(POST, Duration.ofHours(26)))
                .isEqualTo(EngagementCurve.at(POST, Duration.ofHours(26).plusMinutes(59)));
        assertThat(EngagementCurve.at(POST, Duration.ofHours(26)))
                .isNotEqualTo(EngagementCurve.at("1898000000000000124", Duration.ofHours(26)));
    }

    @Test
    void nothingBeforeTheFirstMinute() {
        EngagementCurve.Counts fresh = EngagementCurve.at(POST, Duration.ofSeconds(30));
        assertThat(fresh.views()).isZero();
        assertThat(fresh.engagements()).isZero();
        assertThat(EngagementCurve.at(POST, Duration.ofSeconds(-5)).views()).isZero();
    }

    @Test
    void everyCountGrowsAndNoneEverGoesDown() {
        List<Duration> ages = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(6),
                Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30));
        List<EngagementCurve.Counts> samples = new ArrayList<>();
        ages.forEach(age -> samples.add(EngagementCurve.at(POST, age)));
        for (int i = 1; i < samples.size(); i++) {
            EngagementCurve.Counts before = samples.get(i - 1);
            EngagementCurve.Counts after = samples.get(i);
            assertThat(after.views()).isGreaterThanOrEqualTo(before.views());
            assertThat(after.likes()).isGreaterThanOrEqualTo(before.likes());
            assertThat(after.linkClicks()).isGreaterThanOrEqualTo(before.linkClicks());
            assertThat(after.engagements()).isGreaterThanOrEqualTo(before.engagements());
        }
        assertThat(samples.get(1).views()).isPositive();
    }

    @Test
    void viewsRiseFastThenFlatten() {
        long at6h = EngagementCurve.at(POST, Duration.ofHours(6)).views();
        long at24h = EngagementCurve.at(POST, Duration.ofHours(24)).views();
        long at7d = EngagementCurve.at(POST, Duration.ofDays(7)).views();
        long at30d = EngagementCurve.at(POST, Duration.ofDays(30)).views();
        // Most views in the first six hours; next to none after a week.
        assertThat(at6h).isGreaterThan(at24h / 2);
        assertThat(at30d - at7d).isLessThanOrEqualTo(1);
        assertThat(at30d).isBetween(2_000L, 20_000L);
    }

    @Test
    void interactionsAreRealisticSharesOfViews() {
        EngagementCurve.Counts c = EngagementCurve.at(POST, Duration.ofDays(7));
        assertThat(c.likes()).isBetween(c.views() / 100 - 1, c.views() * 3 / 100);
        assertThat(c.linkClicks()).isBetween(c.views() / 200 - 1, c.views() * 2 / 100);
        assertThat(c.viewers()).isLessThan(c.views());
        assertThat(c.engagements()).isEqualTo(c.likes() + c.replies() + c.reposts() + c.quotes() + c.bookmarks()
                + c.linkClicks() + c.profileClicks());
    }
}
