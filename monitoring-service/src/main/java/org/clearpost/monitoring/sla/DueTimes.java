package org.clearpost.monitoring.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import org.clearpost.calendar.BankHolidays;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.calendar.Division;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.events.MentionPriority;

/**
 * Due times in business hours (policy 4.2: weekday office hours, no bank holidays): a mention received on Saturday is
 * due counting from Monday's opening, one on a bank holiday from the next working day's.
 */
@ApplicationScoped
public class DueTimes {

    private final BusinessCalendar calendar;
    private final SlaConfig config;

    public DueTimes(SlaConfig config) {
        this.config = config;
        this.calendar = new BusinessCalendar(new OfficeHours(config.opens(), config.closes(),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), OfficeHours.LONDON),
                BankHolidays.bundled(Division.fromKey(config.division())));
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** When a response to a mention of {@code priority} received at {@code receivedAt} is due; empty if no limit. */
    public Optional<Instant> responseDue(MentionPriority priority, Instant receivedAt) {
        Duration allowed = config.responseTime().get(priority);
        return allowed == null ? Optional.empty() : Optional.of(calendar.addBusinessDuration(receivedAt, allowed));
    }

    /**
     * The end (23:59:59.999 London) of the {@code foi-working-days}th working day after the day of receipt: FOIA s.10
     * counts from the first working day following receipt.
     */
    public Instant foiDue(Instant receivedAt) {
        LocalDate day = receivedAt.atZone(OfficeHours.LONDON).toLocalDate();
        int counted = 0;
        while (counted < config.foiWorkingDays()) {
            day = day.plusDays(1);
            if (calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        return day.atTime(LocalTime.MAX).atZone(OfficeHours.LONDON).toInstant();
    }
}
