package org.clearpost.publisher.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final RateBudget LINKEDIN = new RateBudget(Network.LINKEDIN, RateBudget.Scope.ACCOUNT, 150,
            Duration.ofDays(1));

    @Test
    void aSpentDailyBudgetPutsThePostOffUntilTheOldestPostLeavesTheWindow() {
        Instant oldest = Instant.parse("2026-12-02T09:12:00Z");
        Instant now = Instant.parse("2026-12-02T17:40:00Z");

        assertThat(LINKEDIN.check(150, oldest, now)).hasValueSatisfying(deferral -> {
            assertThat(deferral.until()).isEqualTo(Instant.parse("2026-12-03T09:12:00Z"));
            assertThat(deferral.reason()).isEqualTo("LinkedIn allows 150 posts a day from this account; "
                    + "150 made since 09:12 UTC; goes at 09:12 UTC tomorrow");
        });
    }

    @Test
    void aBudgetWithPostsLeftLetsThePostGo() {
        Instant now = Instant.parse("2026-12-02T17:40:00Z");

        assertThat(LINKEDIN.check(149, null, now)).isEmpty();
        assertThat(LINKEDIN.check(0, null, now)).isEmpty();
    }

    @Test
    void aPostLeavingTheWindowNowFreesTheBudget() {
        Instant now = Instant.parse("2026-12-02T17:40:00Z");

        assertThat(LINKEDIN.check(150, now.minus(Duration.ofDays(1)), now)).isEmpty();
    }

    @Test
    void moreMadeThanAllowedStillWaitsForTheOldestCountedPost() {
        // Lowered in configuration after 120 were made: the 100th most recent must leave the 15 minutes.
        RateBudget x = new RateBudget(Network.X, RateBudget.Scope.APP, 100, Duration.ofMinutes(15));
        Instant now = Instant.parse("2026-12-02T14:10:00Z");

        assertThat(x.check(120, Instant.parse("2026-12-02T14:01:30Z"), now)).hasValueSatisfying(deferral -> {
            assertThat(deferral.until()).isEqualTo(Instant.parse("2026-12-02T14:16:30Z"));
            assertThat(deferral.reason()).isEqualTo("X allows 100 posts per 15 minutes from all our accounts "
                    + "together; 120 made since 14:01 UTC; goes at 14:16 UTC");
        });
    }

    @Test
    void windowsOfHoursAreNamedSo() {
        RateBudget mastodon = new RateBudget(Network.MASTODON, RateBudget.Scope.ACCOUNT, 300, Duration.ofHours(3));
        Instant now = Instant.parse("2026-12-31T23:00:00Z");

        assertThat(mastodon.check(300, Instant.parse("2026-12-31T22:30:00Z"), now).orElseThrow().reason())
                .isEqualTo("Mastodon allows 300 posts per 3 hours from this account; 300 made since 22:30 UTC; "
                        + "goes at 01:30 UTC tomorrow");
    }

    @Test
    void aBudgetNeedsPostsAndAWindow() {
        assertThatThrownBy(() -> new RateBudget(Network.X, RateBudget.Scope.ACCOUNT, 0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateBudget(Network.X, RateBudget.Scope.ACCOUNT, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
