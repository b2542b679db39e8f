package org.clearpost.clearance.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.calendar.Division;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteStep;
import org.junit.jupiter.api.Test;

class DueTimeTest {

    private static final BusinessCalendar CALENDAR = BusinessCalendar.standard(Division.ENGLAND_AND_WALES);
    private static final Route NORMAL = route(Route.NORMAL, Duration.ofHours(8), true);
    private static final Route PRE_ELECTION = route(Route.PRE_ELECTION, Duration.ofHours(16), true);
    private static final Route CRISIS = route(Route.CRISIS, Duration.ofMinutes(30), false);

    @Test
    void fridayAfternoonBeforeTheSpringBankHolidayIsDueOnTuesdayInBst() {
        // Friday 22 May 2026, 16:00 BST; Monday 25 May is the spring bank holiday.
        Instant due = DueTime.of(NORMAL, london("2026-05-22T16:00"), null, CALENDAR);

        assertThat(due).isEqualTo(london("2026-05-26T16:00")).isEqualTo(Instant.parse("2026-05-26T15:00:00Z"));
    }

    @Test
    void aTwoStepRouteRunsIntoWednesdayAcrossTheSameBankHoliday() {
        Instant due = DueTime.of(PRE_ELECTION, london("2026-05-22T16:00"), null, CALENDAR);

        // 1h on Friday, 8h on Tuesday, 7h on Wednesday
        assertThat(due).isEqualTo(london("2026-05-27T16:00"));
    }

    @Test
    void theWeekendTheClocksGoForwardKeepsOfficeHoursOnTheWallClock() {
        // Friday 27 March 2026 16:00 GMT; clocks go forward on Sunday 29 March.
        Instant due = DueTime.of(NORMAL, Instant.parse("2026-03-27T16:00:00Z"), null, CALENDAR);

        assertThat(due).isEqualTo(london("2026-03-30T16:00")).isEqualTo(Instant.parse("2026-03-30T15:00:00Z"));
    }

    @Test
    void theWeekendTheClocksGoBackKeepsOfficeHoursOnTheWallClock() {
        // Friday 23 October 2026 16:00 BST; clocks go back on Sunday 25 October.
        Instant due = DueTime.of(NORMAL, Instant.parse("2026-10-23T15:00:00Z"), null, CALENDAR);

        assertThat(due).isEqualTo(london("2026-10-26T16:00")).isEqualTo(Instant.parse("2026-10-26T16:00:00Z"));
    }

    @Test
    void christmasAndTheBoxingDaySubstituteAreSkippedInGmt() {
        // Thursday 24 December 2026 noon; 25 December and Monday 28 December (Boxing Day substitute) are holidays.
        Instant due = DueTime.of(NORMAL, Instant.parse("2026-12-24T12:00:00Z"), null, CALENDAR);

        assertThat(due).isEqualTo(Instant.parse("2026-12-29T12:00:00Z"));
    }

    @Test
    void submittedOnABankHolidayStartsCountingNextBusinessMorning() {
        Instant due = DueTime.of(NORMAL, london("2026-08-31T11:00"), null, CALENDAR);

        assertThat(due).isEqualTo(london("2026-09-01T17:00"));
    }

    @Test
    void anEarlierScheduledTimeIsTheDeadline() {
        Instant scheduled = london("2026-05-22T16:30");

        assertThat(DueTime.of(NORMAL, london("2026-05-22T16:00"), scheduled, CALENDAR)).isEqualTo(scheduled);
        assertThat(DueTime.of(NORMAL, london("2026-05-22T16:00"), london("2026-06-30T09:00"), CALENDAR))
                .isEqualTo(london("2026-05-26T16:00"));
    }

    @Test
    void crisisCountsWallClockTimeEvenAtTheWeekendAndAcrossTheClockChange() {
        // Sunday 25 October 2026 00:50 BST: 30 minutes later is 01:20 BST, then the clocks go back at 02:00 BST.
        Instant submitted = london("2026-10-25T00:50");

        assertThat(DueTime.of(CRISIS, submitted, null, CALENDAR)).isEqualTo(submitted.plus(Duration.ofMinutes(30)));
    }

    @Test
    void withoutHolidayDataABusinessHoursRouteFallsBackToWallClockStillCappedByTheScheduledTime() {
        Instant friday = london("2026-05-22T16:00");

        assertThat(DueTime.inWallClock(NORMAL, friday, null)).isEqualTo(london("2026-05-23T00:00"));
        assertThat(DueTime.inWallClock(NORMAL, friday, london("2026-05-22T18:00")))
                .isEqualTo(london("2026-05-22T18:00"));
    }

    private static Route route(String name, Duration due, boolean businessHours) {
        return new Route(name, List.of(new RouteStep("clearer", "clearer")), due, businessHours, false);
    }

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OfficeHours.LONDON).toInstant();
    }
}
