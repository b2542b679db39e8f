package org.clearpost.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Business time: {@link OfficeHours} on days that are not bank holidays. Immutable and thread-safe.
 *
 * <p>Every day is handled as its wall-clock window (e.g. 09:00–17:00 Europe/London) converted to instants for
 * that date, so a switch between GMT and BST never shifts a deadline or adds or removes an hour of business
 * time. Durations are real elapsed time inside those windows.
 *
 * <p>Methods that need to know whether a weekday is a bank holiday throw {@link IllegalStateException} when the
 * loaded {@link BankHolidays} do not cover that year: refresh the data rather than guess.
 */
public final class BusinessCalendar {

    private final OfficeHours hours;
    private final BankHolidays holidays;

    public BusinessCalendar(OfficeHours hours, BankHolidays holidays) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    /** Standard office hours (09:00–17:00 Monday–Friday, Europe/London) with the bundled bank holidays. */
    public static BusinessCalendar standard(Division division) {
        return new BusinessCalendar(OfficeHours.standard(), BankHolidays.bundled(division));
    }

    public OfficeHours officeHours() {
        return hours;
    }

    public BankHolidays bankHolidays() {
        return holidays;
    }

    /** Whether {@code date} is an office day that is not a bank holiday. */
    public boolean isBusinessDay(LocalDate date) {
        // Check the weekday first: a weekend needs no holiday data, even outside its coverage.
        return hours.days().contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /** Whether {@code instant} is within office hours on a business day. */
    public boolean isBusinessTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return hours.isOpen(instant) && !holidays.isHoliday(localDate(instant));
    }

    /**
     * The earliest business time at or after {@code instant}: {@code instant} itself during business time,
     * otherwise the opening of the next business day's window.
     */
    public Instant nextOpening(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        for (LocalDate day = localDate(instant); ; day = day.plusDays(1)) {
            if (isBusinessDay(day) && instant.isBefore(hours.closing(day))) {
                return max(hours.opening(day), instant);
            }
        }
    }

    /**
     * The instant at which {@code amount} of business time has elapsed since {@code start}: the earliest
     * {@code end} with {@code businessDurationBetween(start, end) == amount}. Time outside business hours does
     * not count, so a start outside hours effectively starts at {@link #nextOpening}. A deadline that uses up a
     * day's window exactly ends at that day's closing time (Friday 13:00 + 4h = Friday 17:00), and a zero
     * amount returns {@code start} unchanged.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant addBusinessDuration(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business duration must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            Instant from = max(hours.opening(day), start);
            Instant close = hours.closing(day);
            if (!from.isBefore(close)) {
                continue; // start is after this day's closing
            }
            Duration available = Duration.between(from, close);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
    }

    /**
     * Business time elapsed from {@code from} to {@code to}, e.g. how long a mention waited for a reply in
     * office-hours terms.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Duration businessDurationBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("End " + to + " is before start " + from);
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isBusinessDay(day)) {
                continue;
            }
            Instant windowStart = max(hours.opening(day), from);
            Instant windowEnd = min(hours.closing(day), to);
            if (windowStart.isBefore(windowEnd)) {
                total = total.plus(Duration.between(windowStart, windowEnd));
            }
        }
        return total;
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(hours.zone()).toLocalDate();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
