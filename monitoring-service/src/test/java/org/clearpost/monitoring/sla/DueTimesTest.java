package org.clearpost.monitoring.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.events.MentionPriority;
import org.junit.jupiter.api.Test;

/**
 * Response due times in office hours (policy 4.2), with the service's configured times (critical 1h, high 4h,
 * medium 16h, low 40h) on the gov.uk bank holidays shipped with business-calendar. Times are London wall-clock.
 */
class DueTimesTest {

    private static final DueTimes ENGLAND = SlaConfigs.dueTimes("england-and-wales", SlaConfigs.configuredTimes());

    @Test
    void aMentionInOfficeHoursIsDueLaterTheSameDay() {
        assertThat(high("2026-06-10T10:15")).isEqualTo(london("2026-06-10T14:15"));
        assertThat(due(MentionPriority.CRITICAL, "2026-06-10T09:00")).isEqualTo(london("2026-06-10T10:00"));
    }

    @Test
    void aDeadlineThatUsesUpTheDayEndsAtClosingTimeNotTheNextMorning() {
        assertThat(high("2026-06-10T13:00")).isEqualTo(london("2026-06-10T17:00"));
    }

    @Test
    void whatDoesNotFitBeforeClosingCarriesOverToTheNextMorning() {
        assertThat(high("2026-06-10T15:30")).isEqualTo(london("2026-06-11T11:30"));
    }

    @Test
    void aMentionAfterClosingOrBeforeOpeningCountsFromTheNextOpening() {
        assertThat(high("2026-06-10T17:00")).isEqualTo(london("2026-06-11T13:00"));
        assertThat(high("2026-06-10T22:45")).isEqualTo(london("2026-06-11T13:00"));
        assertThat(high("2026-06-11T06:30")).isEqualTo(london("2026-06-11T13:00"));
    }

    @Test
    void weekendsDoNotCount() {
        // Saturday and Sunday: counted from Monday's opening.
        assertThat(high("2026-06-13T10:00")).isEqualTo(london("2026-06-15T13:00"));
        assertThat(high("2026-06-14T23:59")).isEqualTo(london("2026-06-15T13:00"));
        // Friday afternoon: one hour on Friday, three on Monday.
        assertThat(high("2026-06-12T16:00")).isEqualTo(london("2026-06-15T12:00"));
        // Low: 40 office hours are a working week.
        assertThat(due(MentionPriority.LOW, "2026-06-08T09:00")).isEqualTo(london("2026-06-12T17:00"));
        assertThat(due(MentionPriority.MEDIUM, "2026-06-12T12:00")).isEqualTo(london("2026-06-16T12:00"));
    }

    @Test
    void easterFridayAndMondayDoNotCount() {
        assertThat(high("2026-04-02T14:00")).isEqualTo(london("2026-04-07T10:00"));
    }

    @Test
    void christmasAndTheBoxingDaySubstituteDoNotCount() {
        // 2026: Christmas Day on Friday, Boxing Day on Saturday, so its substitute is Monday 28th.
        assertThat(high("2026-12-24T15:00")).isEqualTo(london("2026-12-29T11:00"));
        assertThat(high("2026-12-26T12:00")).isEqualTo(london("2026-12-29T13:00"));
    }

    @Test
    void bothChristmasSubstitutesAndTheNewYearSubstituteDoNotCount() {
        // 2027: Christmas on Saturday, Boxing Day on Sunday: Monday 27th and Tuesday 28th are the substitutes.
        assertThat(due(MentionPriority.CRITICAL, "2027-12-24T16:30")).isEqualTo(london("2027-12-29T09:30"));
        // New Year's Day 2028 is a Saturday: its substitute is Monday 3 January.
        assertThat(high("2027-12-31T16:00")).isEqualTo(london("2028-01-04T12:00"));
    }

    @Test
    void theDivisionDecidesWhichHolidaysCount() {
        // 2 January is a bank holiday in Scotland only (Friday in 2026).
        assertThat(high("2025-12-31T16:00")).isEqualTo(london("2026-01-02T12:00"));
        DueTimes scotland = SlaConfigs.dueTimes("scotland", SlaConfigs.configuredTimes());
        assertThat(scotland.responseDue(MentionPriority.HIGH, london("2025-12-31T16:00")))
                .contains(london("2026-01-05T12:00"));
    }

    @Test
    void officeHoursFollowLondonClocksAcrossTheChangeToSummerTime() {
        // BST starts on Sunday 29 March 2026: Friday 15:00 is 15:00Z, Monday 11:00 is 10:00Z.
        Instant due = high("2026-03-27T15:00");
        assertThat(due).isEqualTo(london("2026-03-30T11:00")).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
        assertThat(ENGLAND.calendar().businessDurationBetween(london("2026-03-27T15:00"), due))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void officeHoursFollowLondonClocksAcrossTheChangeBackToGreenwichTime() {
        // BST ends on Sunday 25 October 2026: Friday 15:00 is 14:00Z, Monday 11:00 is 11:00Z.
        Instant due = high("2026-10-23T15:00");
        assertThat(due).isEqualTo(london("2026-10-26T11:00")).isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
        assertThat(ENGLAND.calendar().businessDurationBetween(london("2026-10-23T15:00"), due))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aPriorityWithoutAConfiguredTimeHasNoDueTime() {
        Map<MentionPriority, Duration> times = SlaConfigs.configuredTimes();
        times.remove(MentionPriority.LOW);
        DueTimes dueTimes = SlaConfigs.dueTimes("england-and-wales", times);
        assertThat(dueTimes.responseDue(MentionPriority.LOW, london("2026-06-10T10:00"))).isEmpty();
        assertThat(dueTimes.responseDue(MentionPriority.HIGH, london("2026-06-10T10:00"))).isPresent();
    }

    @Test
    void responseTimesCountOnlyOfficeHours() {
        // What MentionAnswered reports: Friday 16:00 to Monday 10:00 is two office hours.
        assertThat(ENGLAND.calendar().businessDurationBetween(london("2026-06-12T16:00"), london("2026-06-15T10:00")))
                .isEqualTo(Duration.ofHours(2));
        // Received and answered the same evening: no office time passed.
        assertThat(ENGLAND.calendar().businessDurationBetween(london("2026-06-10T18:00"), london("2026-06-10T21:00")))
                .isZero();
    }

    @Test
    void aRequestForInformationIsDueAtTheEndOfTheTwentiethWorkingDayAfterReceipt() {
        // Received on a working day: counting starts the next working day.
        assertThat(ENGLAND.foiDue(london("2026-06-10T11:00"))).isEqualTo(endOfDay("2026-07-08"));
        // Over Christmas 2026: the 25th, the Boxing Day substitute (28th) and New Year's Day are not counted.
        assertThat(ENGLAND.foiDue(london("2026-12-18T16:00"))).isEqualTo(endOfDay("2027-01-20"));
        // Received on Saturday or Sunday: Monday is the first working day after receipt either way.
        assertThat(ENGLAND.foiDue(london("2026-06-13T10:00"))).isEqualTo(ENGLAND.foiDue(london("2026-06-14T10:00")))
                .isEqualTo(endOfDay("2026-07-10"));
    }

    private static Instant high(String londonTime) {
        return due(MentionPriority.HIGH, londonTime);
    }

    private static Instant due(MentionPriority priority, String londonTime) {
        return ENGLAND.responseDue(priority, london(londonTime)).orElseThrow();
    }

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OfficeHours.LONDON).toInstant();
    }

    private static Instant endOfDay(String date) {
        return LocalDateTime.parse(date + "T00:00").toLocalDate().atTime(LocalTime.MAX).atZone(OfficeHours.LONDON)
                .toInstant();
    }
}
