package org.clearpost.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeHoursTest {

    private final OfficeHours standard = OfficeHours.standard();

    @Test
    void standardIsNineToFiveWeekdaysInLondon() {
        assertThat(standard.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(standard.closes()).isEqualTo(LocalTime.of(17, 0));
        assertThat(standard.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(standard.zone().getId()).isEqualTo("Europe/London");
    }

    @Test
    void opensInclusiveClosesExclusive() {
        assertThat(standard.isOpen(london("2024-05-14T08:59:59"))).isFalse();
        assertThat(standard.isOpen(london("2024-05-14T09:00"))).isTrue();
        assertThat(standard.isOpen(london("2024-05-14T16:59:59.999"))).isTrue();
        assertThat(standard.isOpen(london("2024-05-14T17:00"))).isFalse();
    }

    @Test
    void closedAtWeekends() {
        assertThat(standard.isOpen(london("2024-05-11T12:00"))).isFalse(); // Saturday
        assertThat(standard.isOpen(london("2024-05-12T12:00"))).isFalse(); // Sunday
    }

    @Test
    void followsTheLondonWallClockInGmtAndBst() {
        // Summer (BST, UTC+1): 08:30Z is 09:30 in London, 16:30Z is 17:30.
        assertThat(standard.isOpen(Instant.parse("2024-07-01T08:30:00Z"))).isTrue();
        assertThat(standard.isOpen(Instant.parse("2024-07-01T16:30:00Z"))).isFalse();
        // Winter (GMT, UTC+0): the same instants are 08:30 and 16:30.
        assertThat(standard.isOpen(Instant.parse("2024-01-15T08:30:00Z"))).isFalse();
        assertThat(standard.isOpen(Instant.parse("2024-01-15T16:30:00Z"))).isTrue();
    }

    @Test
    void configurable() {
        OfficeHours saturdays = new OfficeHours(LocalTime.of(8, 30), LocalTime.of(12, 0),
                EnumSet.of(DayOfWeek.SATURDAY), OfficeHours.LONDON);
        assertThat(saturdays.isOpen(london("2024-05-11T08:30"))).isTrue();
        assertThat(saturdays.isOpen(london("2024-05-11T12:00"))).isFalse();
        assertThat(saturdays.isOpen(london("2024-05-13T10:00"))).isFalse(); // Monday
    }

    @Test
    void daysAreCopied() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        OfficeHours hours = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0), days, OfficeHours.LONDON);
        days.add(DayOfWeek.SUNDAY);
        assertThat(hours.days()).containsExactly(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> hours.days().add(DayOfWeek.TUESDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesImpossibleHours() {
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(17, 0), LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY), OfficeHours.LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17:00-09:00");
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(9, 0), LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY), OfficeHours.LONDON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of(), OfficeHours.LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    /** An instant given as a Europe/London wall-clock time. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OfficeHours.LONDON).toInstant();
    }
}
