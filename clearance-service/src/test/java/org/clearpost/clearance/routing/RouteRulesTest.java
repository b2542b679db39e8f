package org.clearpost.clearance.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.PostDrafted;
import org.junit.jupiter.api.Test;

class RouteRulesTest {

    private static final Duration MARGIN = Duration.ofMinutes(30);
    private static final Instant STARTS = Instant.parse("2027-05-10T08:00:00Z");
    private static final Instant ENDS = Instant.parse("2027-05-10T17:00:00Z");

    @Test
    void crisisModeComesFirstWhateverElseApplies() {
        RouteChoice choice = RouteRules.choose(DraftedPostMother.live(), "data breach at a supplier", "General 2029",
                MARGIN);

        assertThat(choice.route()).isEqualTo(Route.CRISIS);
        assertThat(choice.reason()).contains("data breach at a supplier");
    }

    @Test
    void aPreElectionPeriodComesBeforeALiveEvent() {
        RouteChoice choice = RouteRules.choose(DraftedPostMother.live(), null, "General 2029", MARGIN);

        assertThat(choice.route()).isEqualTo(Route.PRE_ELECTION);
        assertThat(choice.reason()).contains("General 2029");
    }

    @Test
    void aLiveEventPostTakesTheLiveRouteAndAnythingElseTheNormalOne() {
        assertThat(RouteRules.choose(DraftedPostMother.live(), null, null, MARGIN))
                .extracting(RouteChoice::route, RouteChoice::reason)
                .containsExactly(Route.LIVE, "quick post for live event \"Data Protection Conference\"");
        assertThat(RouteRules.choose(DraftedPostMother.byDana(), null, null, MARGIN).route())
                .isEqualTo(Route.NORMAL);
    }

    @Test
    void theLiveRouteAppliesOnlyWhileTheEventIsOnWithItsMarginEitherSide() {
        assertThat(routeAt(STARTS.minus(MARGIN).minusSeconds(1))).isEqualTo(Route.NORMAL);
        assertThat(routeAt(STARTS.minus(MARGIN))).isEqualTo(Route.LIVE);
        assertThat(routeAt(STARTS.plusSeconds(3600))).isEqualTo(Route.LIVE);
        assertThat(routeAt(ENDS.plus(MARGIN).minusSeconds(1))).isEqualTo(Route.LIVE);
        assertThat(routeAt(ENDS.plus(MARGIN))).isEqualTo(Route.NORMAL);
        assertThat(routeAt(ENDS.plus(Duration.ofDays(1)))).isEqualTo(Route.NORMAL);
    }

    @Test
    void aScheduledQuickPostIsJudgedAtItsScheduledTimeNotItsSubmission() {
        PostDrafted live = DraftedPostMother.live(STARTS, ENDS);
        Instant duringTheEvent = STARTS.plusSeconds(600);
        Instant dayAfter = ENDS.plus(Duration.ofDays(1));

        // Submitted the day before, scheduled for the event: the live route.
        assertThat(RouteRules.choose(live.liveEvent(), STARTS.minus(Duration.ofDays(1)), duringTheEvent, null, null,
                MARGIN).route()).isEqualTo(Route.LIVE);
        // Submitted during the event, scheduled for the day after: the normal route, saying why.
        RouteChoice later = RouteRules.choose(live.liveEvent(), duringTheEvent, dayAfter, null, null, MARGIN);
        assertThat(later.route()).isEqualTo(Route.NORMAL);
        assertThat(later.reason()).contains("not on at " + dayAfter).contains("30 minutes' margin");
    }

    @Test
    void aQuickPostWhoseEventTimesAreUnknownTakesTheNormalRoute() {
        PostDrafted live = DraftedPostMother.live(null, null);

        RouteChoice choice = RouteRules.choose(live, null, null, MARGIN);

        assertThat(choice.route()).isEqualTo(Route.NORMAL);
        assertThat(choice.reason()).contains("times are unknown");
    }

    @Test
    void stepsParseFromConfigurationAndOnlyClearersOrLeadsTakeThem() {
        assertThat(RouteStep.parse(" first look : clearer ")).isEqualTo(new RouteStep("first look", "clearer"));
        assertThat(RouteStep.parse("lead")).isEqualTo(new RouteStep("lead", "lead"));
        assertThatThrownBy(() -> RouteStep.parse("sign-off:admin")).hasMessageContaining("admin");
        assertThatThrownBy(() -> new Route("empty", List.of(), Duration.ofHours(1), false, false))
                .hasMessageContaining("at least one step");
    }

    private static String routeAt(Instant submittedAt) {
        return RouteRules.choose(DraftedPostMother.live(STARTS, ENDS).liveEvent(), submittedAt, null, null, null,
                MARGIN).route();
    }
}
