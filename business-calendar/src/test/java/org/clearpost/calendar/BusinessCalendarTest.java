package org.clearpost.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearpost.calendar.OfficeHoursTest.london;

class BusinessCalendarTest {

    private final BusinessCalendar england = BusinessCalendar.standard(Division.ENGLAND_AND_WALES);
    private final BusinessCalendar scotland = BusinessCalendar.standard(Division.SCOTLAND);
    private final BusinessCalendar northernIreland = BusinessCalendar.standard(Division.NORTHERN_IRELAND);

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    // --- addBusinessDuration ---

    @Test
    void fourHoursFromFridayAfternoonIsMondayNoon() {
        assertThat(england.addBusinessDuration(london("2024-05-10T16:00"), hours(4)))
                .isEqualTo(london("2024-05-13T12:00"));
    }

    @Test
    void skipsABankHolidayMonday() {
        // Monday 6 May 2024 is the early May bank holiday.
        assertThat(england.addBusinessDuration(london("2024-05-03T16:00"), hours(4)))
                .isEqualTo(london("2024-05-07T12:00"));
    }

    @Test
    void skipsSubstituteDays() {
        // Christmas Friday 25 Dec 2026, Boxing Day Saturday -> substitute Monday 28th.
        assertThat(england.addBusinessDuration(london("2026-12-24T16:00"), hours(4)))
                .isEqualTo(london("2026-12-29T12:00"));
        // Scotland 2022: 1 and 2 January at the weekend -> substitutes Monday 3rd and Tuesday 4th.
        assertThat(scotland.addBusinessDuration(london("2021-12-31T16:00"), hours(4)))
                .isEqualTo(london("2022-01-05T12:00"));
        assertThat(england.addBusinessDuration(london("2021-12-31T16:00"), hours(4)))
                .isEqualTo(london("2022-01-04T12:00"));
    }

    @Test
    void eachDivisionSkipsItsOwnHolidays() {
        // Monday 5 Aug 2024: summer bank holiday in Scotland only.
        assertThat(scotland.addBusinessDuration(london("2024-08-02T16:00"), hours(4)))
                .isEqualTo(london("2024-08-06T12:00"));
        assertThat(england.addBusinessDuration(london("2024-08-02T16:00"), hours(4)))
                .isEqualTo(london("2024-08-05T12:00"));
        // Monday 26 Aug 2024: summer bank holiday in England and Wales and Northern Ireland, not Scotland.
        assertThat(england.isBusinessDay(LocalDate.of(2024, 8, 26))).isFalse();
        assertThat(northernIreland.isBusinessDay(LocalDate.of(2024, 8, 26))).isFalse();
        assertThat(scotland.isBusinessDay(LocalDate.of(2024, 8, 26))).isTrue();
        // Monday 14 July 2025: Battle of the Boyne substitute in Northern Ireland only.
        assertThat(northernIreland.addBusinessDuration(london("2025-07-11T16:00"), hours(4)))
                .isEqualTo(london("2025-07-15T12:00"));
        assertThat(england.addBusinessDuration(london("2025-07-11T16:00"), hours(4)))
                .isEqualTo(london("2025-07-14T12:00"));
        // Tuesday 17 March 2026: St Patrick's Day; Monday 1 Dec 2025: St Andrew's Day substitute.
        assertThat(northernIreland.isBusinessDay(LocalDate.of(2026, 3, 17))).isFalse();
        assertThat(england.isBusinessDay(LocalDate.of(2026, 3, 17))).isTrue();
        assertThat(scotland.isBusinessDay(LocalDate.of(2025, 12, 1))).isFalse();
        assertThat(england.isBusinessDay(LocalDate.of(2025, 12, 1))).isTrue();
    }

    @Test
    void acrossTheSpringSwitchToBst() {
        // Clocks go forward on Sunday 30 March 2025. Friday 16:00 GMT + 4 business hours = Monday 12:00 BST,
        // which is 11:00 UTC; plain instant arithmetic would be an hour late.
        Instant start = Instant.parse("2025-03-28T16:00:00Z");
        Instant end = england.addBusinessDuration(start, hours(4));
        assertThat(end).isEqualTo(london("2025-03-31T12:00")).isEqualTo(Instant.parse("2025-03-31T11:00:00Z"));
        assertThat(england.businessDurationBetween(start, end)).isEqualTo(hours(4));
        assertThat(Duration.between(start, end)).isEqualTo(hours(67));
    }

    @Test
    void acrossTheAutumnSwitchToGmt() {
        // Clocks go back on Sunday 26 October 2025. Friday 16:00 BST (15:00 UTC) + 4 business hours
        // = Monday 12:00 GMT (12:00 UTC).
        Instant start = Instant.parse("2025-10-24T15:00:00Z");
        Instant end = england.addBusinessDuration(start, hours(4));
        assertThat(end).isEqualTo(london("2025-10-27T12:00")).isEqualTo(Instant.parse("2025-10-27T12:00:00Z"));
        assertThat(england.businessDurationBetween(start, end)).isEqualTo(hours(4));
        assertThat(Duration.between(start, end)).isEqualTo(hours(69));
    }

    @Test
    void springSwitchOnEasterWeekend() {
        // 2024: Good Friday 29 March, clocks forward Sunday 31 March (Easter Day), Easter Monday 1 April.
        assertThat(england.addBusinessDuration(london("2024-03-28T16:00"), hours(2)))
                .isEqualTo(london("2024-04-02T10:00"))
                .isEqualTo(Instant.parse("2024-04-02T09:00:00Z"));
        // Scotland has no Easter Monday.
        assertThat(scotland.addBusinessDuration(london("2024-03-28T16:00"), hours(2)))
                .isEqualTo(london("2024-04-01T10:00"));
    }

    @Test
    void startOutsideHoursCountsFromTheNextOpening() {
        assertThat(england.addBusinessDuration(london("2024-05-11T10:00"), hours(2))) // Saturday
                .isEqualTo(london("2024-05-13T11:00"));
        assertThat(england.addBusinessDuration(london("2024-05-14T07:00"), hours(1))) // before opening
                .isEqualTo(london("2024-05-14T10:00"));
        assertThat(england.addBusinessDuration(london("2024-05-14T18:00"), hours(1))) // after closing
                .isEqualTo(london("2024-05-15T10:00"));
        assertThat(england.addBusinessDuration(london("2024-05-10T17:00"), hours(1))) // Friday at closing
                .isEqualTo(london("2024-05-13T10:00"));
        assertThat(england.addBusinessDuration(london("2024-12-25T10:00"), hours(1))) // Christmas Day
                .isEqualTo(london("2024-12-27T10:00"));
    }

    @Test
    void endingExactlyAtClosingStaysOnThatDay() {
        assertThat(england.addBusinessDuration(london("2024-05-10T13:00"), hours(4)))
                .isEqualTo(london("2024-05-10T17:00"));
    }

    @Test
    void durationsLongerThanADay() {
        Instant monday = london("2024-05-13T09:00");
        assertThat(england.addBusinessDuration(monday, hours(20))).isEqualTo(london("2024-05-15T13:00"));
        assertThat(england.addBusinessDuration(monday, hours(40))).isEqualTo(london("2024-05-17T17:00"));
        assertThat(england.addBusinessDuration(monday, hours(41))).isEqualTo(london("2024-05-20T10:00"));
        // Over Christmas 2024: Tuesday 24th, then Friday 27th.
        assertThat(england.addBusinessDuration(london("2024-12-24T09:00"), hours(16)))
                .isEqualTo(london("2024-12-27T17:00"));
        // Minutes and seconds are kept exactly.
        assertThat(england.addBusinessDuration(london("2024-05-10T16:30"), Duration.ofMinutes(45).plusSeconds(5)))
                .isEqualTo(london("2024-05-13T09:15:05"));
    }

    @Test
    void zeroDurationReturnsTheStartUnchanged() {
        Instant saturday = london("2024-05-11T10:00");
        assertThat(england.addBusinessDuration(saturday, Duration.ZERO)).isEqualTo(saturday);
        Instant tuesday = london("2024-05-14T11:00");
        assertThat(england.addBusinessDuration(tuesday, Duration.ZERO)).isEqualTo(tuesday);
    }

    @Test
    void negativeDurationIsRefused() {
        assertThatThrownBy(() -> england.addBusinessDuration(london("2024-05-14T11:00"), hours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void addAndBetweenAgree() {
        // Starts every 7 h 13 min through 2024-2025 (so every time of day and weekday occurs, and both DST
        // switches), durations from minutes to more than a week.
        List<Duration> amounts = List.of(Duration.ofMinutes(1), Duration.ofMinutes(59), hours(1), hours(8),
                hours(9).plusMinutes(30), hours(24), hours(41), hours(100));
        for (Instant start = london("2024-01-01T00:00"); start.isBefore(london("2025-12-01T00:00"));
             start = start.plus(Duration.ofMinutes(7 * 60 + 13))) {
            for (Duration amount : amounts) {
                Instant end = england.addBusinessDuration(start, amount);
                assertThat(england.businessDurationBetween(start, end)).as("%s + %s", start, amount)
                        .isEqualTo(amount);
                assertThat(england.isBusinessTime(end.minusNanos(1))).as("%s + %s", start, amount).isTrue();
            }
        }
    }

    // --- businessDurationBetween ---

    @Test
    void businessDurationBetween() {
        assertThat(england.businessDurationBetween(london("2024-05-14T10:00"), london("2024-05-14T10:00")))
                .isZero();
        assertThat(england.businessDurationBetween(london("2024-05-14T10:00"), london("2024-05-14T12:30")))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(england.businessDurationBetween(london("2024-05-10T16:00"), london("2024-05-13T10:00")))
                .isEqualTo(hours(2));
        assertThat(england.businessDurationBetween(london("2024-05-11T00:00"), london("2024-05-13T00:00")))
                .isZero(); // a weekend
        assertThat(england.businessDurationBetween(london("2024-05-14T17:30"), london("2024-05-15T08:00")))
                .isZero(); // overnight
        assertThat(england.businessDurationBetween(london("2024-05-13T00:00"), london("2024-05-20T00:00")))
                .isEqualTo(hours(40));
        // The week of 6 May 2024 has a bank holiday Monday.
        assertThat(england.businessDurationBetween(london("2024-05-06T00:00"), london("2024-05-13T00:00")))
                .isEqualTo(hours(32));
        // Weeks containing each DST switch still have exactly 40 business hours.
        assertThat(england.businessDurationBetween(london("2025-03-24T00:00"), london("2025-04-07T00:00")))
                .isEqualTo(hours(80));
        assertThat(england.businessDurationBetween(london("2025-10-20T00:00"), london("2025-11-03T00:00")))
                .isEqualTo(hours(80));
    }

    @Test
    void businessDurationBetweenRefusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> england.businessDurationBetween(london("2024-05-14T11:00"),
                london("2024-05-14T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before start");
    }

    // --- isBusinessTime / nextOpening ---

    @Test
    void isBusinessTime() {
        assertThat(england.isBusinessTime(london("2024-05-14T09:00"))).isTrue();
        assertThat(england.isBusinessTime(london("2024-05-14T08:59:59"))).isFalse();
        assertThat(england.isBusinessTime(london("2024-05-14T17:00"))).isFalse();
        assertThat(england.isBusinessTime(london("2024-05-11T12:00"))).isFalse(); // Saturday
        assertThat(england.isBusinessTime(london("2024-12-25T12:00"))).isFalse(); // Christmas Day
        assertThat(england.isBusinessTime(london("2022-09-19T12:00"))).isFalse(); // State Funeral
        assertThat(scotland.isBusinessTime(london("2024-01-02T12:00"))).isFalse(); // 2nd January
        assertThat(england.isBusinessTime(london("2024-01-02T12:00"))).isTrue();
        assertThat(scotland.isBusinessTime(london("2024-04-01T12:00"))).isTrue(); // Easter Monday
        assertThat(england.isBusinessTime(london("2024-04-01T12:00"))).isFalse();
    }

    @Test
    void nextOpening() {
        Instant open = london("2024-05-14T11:00");
        assertThat(england.nextOpening(open)).isEqualTo(open);
        assertThat(england.nextOpening(london("2024-05-14T07:00"))).isEqualTo(london("2024-05-14T09:00"));
        assertThat(england.nextOpening(london("2024-05-10T17:00"))).isEqualTo(london("2024-05-13T09:00"));
        assertThat(england.nextOpening(london("2024-05-11T12:00"))).isEqualTo(london("2024-05-13T09:00"));
        // Thursday evening before Easter 2024 (and the spring switch): Tuesday 09:00 BST.
        assertThat(england.nextOpening(london("2024-03-28T18:00")))
                .isEqualTo(Instant.parse("2024-04-02T08:00:00Z"));
        // Saturday of the autumn switch 2025: Monday 09:00 GMT.
        assertThat(england.nextOpening(london("2025-10-25T12:00")))
                .isEqualTo(Instant.parse("2025-10-27T09:00:00Z"));
    }

    // --- data coverage and configuration ---

    @Test
    void refusesToGuessBeyondTheBankHolidayData() {
        assertThatThrownBy(() -> england.addBusinessDuration(london("2028-12-29T16:00"), hours(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No england-and-wales bank holiday data for 2029");
        // A weekend needs no holiday data.
        assertThat(england.isBusinessTime(london("2029-01-06T12:00"))).isFalse();
    }

    @Test
    void customOfficeHoursFollowTheWallClockOnTheSwitchDay() {
        // Open 00:00-12:00 every day: on Sunday 30 March 2025 the clock skips 01:00-02:00, so that window
        // holds 11 real hours; on Sunday 26 October 2025 it repeats 01:00-02:00, so 13.
        OfficeHours allWeek = new OfficeHours(LocalTime.MIDNIGHT, LocalTime.NOON,
                EnumSet.allOf(DayOfWeek.class), OfficeHours.LONDON);
        BusinessCalendar calendar = new BusinessCalendar(allWeek, BankHolidays.bundled(Division.SCOTLAND));
        assertThat(calendar.businessDurationBetween(london("2025-03-30T00:00"), london("2025-03-30T23:00")))
                .isEqualTo(hours(11));
        assertThat(calendar.businessDurationBetween(london("2025-10-26T00:00"), london("2025-10-26T23:00")))
                .isEqualTo(hours(13));
        assertThat(calendar.addBusinessDuration(london("2025-03-29T11:00"), hours(2)))
                .isEqualTo(london("2025-03-30T01:00")) // 00:00 GMT + 1 h = 02:00 BST
                .isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
    }
}
