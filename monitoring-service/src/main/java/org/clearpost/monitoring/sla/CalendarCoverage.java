package org.clearpost.monitoring.sla;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.clearpost.calendar.BankHolidays;
import org.clearpost.calendar.OfficeHours;
import org.jboss.logging.Logger;

/**
 * Warns at start when the bundled bank holidays end within a year. Past their last year the calendar throws rather
 * than guess, and due times look weeks ahead (an FOI request's 20 working days), so triage would start failing some
 * weeks before the data runs out; a year's notice leaves time to refresh the file.
 */
@ApplicationScoped
public class CalendarCoverage {

    private static final Logger LOG = Logger.getLogger(CalendarCoverage.class);

    private final DueTimes dueTimes;
    private final Clock clock;

    public CalendarCoverage(DueTimes dueTimes, Clock clock) {
        this.dueTimes = dueTimes;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        warning(dueTimes.calendar().bankHolidays(), LocalDate.ofInstant(clock.instant(), OfficeHours.LONDON))
                .ifPresent(LOG::warn);
    }

    static Optional<String> warning(BankHolidays holidays, LocalDate today) {
        LocalDate aYearAhead = today.plusYears(1);
        if (holidays.covers(aYearAhead)) {
            return Optional.empty();
        }
        return Optional.of("The " + holidays.division().key() + " bank holidays end with " + holidays.lastYear()
                + ": due times past then cannot be computed. Refresh business-calendar's bank-holidays.json"
                + " (business-calendar/README.md).");
    }
}
