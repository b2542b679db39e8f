package org.clearpost.console.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.lead.LondonDates.DateInput;
import org.junit.jupiter.api.Test;

class LondonDatesTest {

    @Test
    void aStartWithoutATimeIsTheBeginningOfTheDayAndAnEndIsMidnightAfterTheLastDay() {
        assertThat(LondonDates.start(new DateInput("4", "5", "2027", ""), "Start date").text())
                .isEqualTo("2027-05-04T00:00");
        assertThat(LondonDates.end(new DateInput("10", "5", "2027", null), "End date").text())
                .isEqualTo("2027-05-11T00:00");
        assertThat(LondonDates.end(new DateInput("31", "12", "2027", " "), "End date").text())
                .isEqualTo("2028-01-01T00:00");
    }

    @Test
    void aTypedTimeIsTakenAsItIsOnThatDay() {
        assertThat(LondonDates.start(new DateInput(" 04 ", "05", "2027", "9:30"), "Start date").text())
                .isEqualTo("2027-05-04T09:30");
        assertThat(LondonDates.end(new DateInput("10", "5", "2027", "17.45"), "End date").text())
                .isEqualTo("2027-05-10T17:45");
    }

    @Test
    void missingOrImpossiblePartsAreNamedAsTheGovUkDateInputNamesThem() {
        assertThat(LondonDates.start(DateInput.EMPTY, "Start date").problem()).isEqualTo("Enter the start date");
        assertThat(LondonDates.start(new DateInput("4", "", "2027", ""), "Start date").problem())
                .isEqualTo("Start date must include a month");
        assertThat(LondonDates.start(new DateInput("31", "2", "2027", ""), "Start date").problem())
                .isEqualTo("Start date must be a real date");
        assertThat(LondonDates.start(new DateInput("4", "May", "2027", ""), "Start date").problem())
                .isEqualTo("Start date must be a real date");
        assertThat(LondonDates.start(new DateInput("4", "5", "27", ""), "Start date").problem())
                .isEqualTo("Year must include 4 numbers");
        assertThat(LondonDates.end(new DateInput("4", "5", "2027", "25:00"), "End date").problem())
                .startsWith("End date time must be a real time");
        assertThat(LondonDates.end(new DateInput("4", "5", "2027", "noon"), "End date").problem())
                .startsWith("End date time must be a time");
        assertThat(LondonDates.end(new DateInput("4", "5", "2027", "noon"), "End date").ok()).isFalse();
    }

    @Test
    void aPeriodShowsAgainAsItWasTypedInLondonTimeSummerAndWinter() {
        // 2027-05-03T23:00Z is midnight starting 4 May in British Summer Time; 2027-12-11T00:00Z is midnight in GMT.
        DateInput start = LondonDates.startInput(OffsetDateTime.parse("2027-05-03T23:00Z"));
        assertThat(start).isEqualTo(new DateInput("4", "5", "2027", ""));
        DateInput end = LondonDates.endInput(OffsetDateTime.parse("2027-12-11T00:00Z"));
        assertThat(end).isEqualTo(new DateInput("10", "12", "2027", ""));
        DateInput timed = LondonDates.endInput(OffsetDateTime.parse("2027-05-10T17:45+01:00"));
        assertThat(timed).isEqualTo(new DateInput("10", "5", "2027", "17:45"));
        assertThat(LondonDates.end(timed, "End date").text()).isEqualTo("2027-05-10T17:45");
        assertThat(LondonDates.end(end, "End date").text()).isEqualTo("2027-12-11T00:00");
    }

    @Test
    void timesAreShownInLondon() {
        assertThat(LondonDates.show(Instant.parse("2027-07-01T08:30:00Z"))).isEqualTo("1 July 2027, 09:30");
        assertThat(LondonDates.show(Instant.parse("2027-01-01T08:30:00Z"))).isEqualTo("1 January 2027, 08:30");
        assertThat(LondonDates.show((Instant) null)).isEmpty();
    }

    @Test
    void aFormWithABadDateSendsNullSoClearanceNamesTheOtherFieldsAndTheConsolesDateMessageWins() {
        PeriodForm form = PeriodForm.empty();
        form.startDay = "31";
        form.startMonth = "2";
        form.startYear = "2027";
        form.endDay = "10";
        form.endMonth = "5";
        form.endYear = "2027";
        PeriodForm.Reading reading = form.read();
        assertThat(reading.request()).containsEntry("startsAt", null).containsEntry("endsAt", "2027-05-11T00:00");

        Problem fromClearance = new Problem(400, "Bad Request", "invalid", List.of(
                new Problem.Violation("name", "must not be blank"),
                new Problem.Violation("startsAt", "must not be null")));
        assertThat(reading.refusal(fromClearance).violations()).containsExactly(
                new Problem.Violation("startsAt", "Start date must be a real date"),
                new Problem.Violation("name", "Name must not be blank"));
        Problem forbidden = new Problem(403, "Forbidden", "Only leads", List.of());
        assertThat(reading.refusal(forbidden)).isEqualTo(forbidden);
    }

    @Test
    void clearancesFieldNamesInAMessageBecomeTheFormsLabels() {
        Problem.Violation v = LeadCalls.labelled(new Problem.Violation("endsAt", "must be after startsAt"),
                PeriodForm.LABELS);
        assertThat(v.message()).isEqualTo("End must be after the start");
        assertThat(LeadCalls.labelled(new Problem.Violation("startsAt", "2031-03-30T01:30 does not exist in London"),
                PeriodForm.LABELS).message()).isEqualTo("Start: 2031-03-30T01:30 does not exist in London");
        assertThat(LeadCalls.labelled(new Problem.Violation(null, "whole request"), Map.of("x", "X")).message())
                .isEqualTo("whole request");
    }
}
