package org.clearpost.clearance.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.clearpost.clearance.DraftedPostMother;
import org.junit.jupiter.api.Test;

class RouteRulesTest {

    @Test
    void crisisModeComesFirstWhateverElseApplies() {
        RouteChoice choice = RouteRules.choose(DraftedPostMother.live(), "data breach at a supplier", "General 2029");

        assertThat(choice.route()).isEqualTo(Route.CRISIS);
        assertThat(choice.reason()).contains("data breach at a supplier");
    }

    @Test
    void aPreElectionPeriodComesBeforeALiveEvent() {
        RouteChoice choice = RouteRules.choose(DraftedPostMother.live(), null, "General 2029");

        assertThat(choice.route()).isEqualTo(Route.PRE_ELECTION);
        assertThat(choice.reason()).contains("General 2029");
    }

    @Test
    void aLiveEventPostTakesTheLiveRouteAndAnythingElseTheNormalOne() {
        assertThat(RouteRules.choose(DraftedPostMother.live(), null, null))
                .extracting(RouteChoice::route, RouteChoice::reason)
                .containsExactly(Route.LIVE, "quick post for live event \"Data Protection Conference\"");
        assertThat(RouteRules.choose(DraftedPostMother.byDana(), null, null).route()).isEqualTo(Route.NORMAL);
    }

    @Test
    void stepsParseFromConfigurationAndOnlyClearersOrLeadsTakeThem() {
        assertThat(RouteStep.parse(" first look : clearer ")).isEqualTo(new RouteStep("first look", "clearer"));
        assertThat(RouteStep.parse("lead")).isEqualTo(new RouteStep("lead", "lead"));
        assertThatThrownBy(() -> RouteStep.parse("sign-off:admin")).hasMessageContaining("admin");
        assertThatThrownBy(() -> new Route("empty", List.of(), Duration.ofHours(1), false, false))
                .hasMessageContaining("at least one step");
    }
}
