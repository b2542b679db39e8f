package org.clearpost.clearance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteChoice;
import org.clearpost.clearance.routing.RouteStep;
import org.clearpost.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ClearanceCaseRerouteTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Route NORMAL = new Route(Route.NORMAL, List.of(new RouteStep("clearer", "clearer")),
            Duration.ofHours(8), true, false);
    private static final Route PRE_ELECTION = new Route(Route.PRE_ELECTION,
            List.of(new RouteStep("clearer", "clearer"), new RouteStep("lead", "lead")), Duration.ofHours(16), true,
            false);
    private static final Route TWO_LEADS = new Route("two leads",
            List.of(new RouteStep("lead", "lead"), new RouteStep("second lead", "lead")), Duration.ofHours(1), false,
            false);

    @Test
    void aStepTakenCountsWhereTheNewRouteHasAStepOfThatRoleAtThatPlace() {
        ClearanceCase clearance = normalCase();
        colinTakesThePreElectionClearerStep(clearance);

        List<StepTaken> setAside = clearance.reroute(choice(Route.PRE_ELECTION), PRE_ELECTION, NOW.plusSeconds(60),
                List.of(), NOW);

        assertThat(setAside).isEmpty();
        assertThat(clearance.stepsTaken).extracting(StepTaken::takenBy).containsExactly("colin");
        assertThat(clearance.nextStep(PRE_ELECTION)).contains(new RouteStep("lead", "lead"));
        assertThat(clearance.route).isEqualTo(Route.PRE_ELECTION);
    }

    @Test
    void neverAsTheNewRoutesLastStepNorForAnotherRole() {
        ClearanceCase clearance = normalCase();
        colinTakesThePreElectionClearerStep(clearance);

        List<StepTaken> backToNormal = clearance.reroute(choice(Route.NORMAL), NORMAL, NOW, List.of(), NOW);

        assertThat(backToNormal).extracting(StepTaken::takenBy).containsExactly("colin");
        assertThat(clearance.stepsTaken).isEmpty();
        assertThat(clearance.nextStep(NORMAL)).contains(new RouteStep("clearer", "clearer"));

        colinTakesThePreElectionClearerStep(clearance);
        assertThat(clearance.reroute(choice("two leads"), TWO_LEADS, NOW, List.of(), NOW)).hasSize(1);
        assertThat(clearance.nextStep(TWO_LEADS)).contains(new RouteStep("lead", "lead"));
    }

    @Test
    void aLaterDueTimeWatchesForOverdueAgainAndADecidedCaseStays() {
        ClearanceCase clearance = normalCase();
        clearance.markOverdue(NOW);

        clearance.reroute(choice(Route.PRE_ELECTION), PRE_ELECTION, NOW.plusSeconds(3600), List.of(), NOW);
        assertThat(clearance.overdue()).isFalse();

        clearance.reject("colin", "no", NOW);
        assertThatThrownBy(() -> clearance.reroute(choice(Route.NORMAL), NORMAL, NOW, List.of(), NOW))
                .isInstanceOf(ProblemException.class);
    }

    private static ClearanceCase normalCase() {
        return ClearanceCase.open(DraftedPostMother.essential("Flood warning"), choice(Route.NORMAL),
                NOW.plusSeconds(10), List.of());
    }

    /** Colin takes the first step of the pre-election route (a clearer's). */
    private static void colinTakesThePreElectionClearerStep(ClearanceCase clearance) {
        clearance.reroute(choice(Route.PRE_ELECTION), PRE_ELECTION, NOW.plusSeconds(3600), List.of(), NOW);
        assertThat(clearance.approveStep(PRE_ELECTION, "colin", "ok", NOW)).isEmpty();
    }

    private static RouteChoice choice(String route) {
        return new RouteChoice(route, "test");
    }
}
