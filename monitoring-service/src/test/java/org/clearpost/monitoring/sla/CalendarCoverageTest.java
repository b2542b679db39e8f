package org.clearpost.monitoring.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.clearpost.calendar.BankHolidays;
import org.clearpost.calendar.Division;
import org.junit.jupiter.api.Test;

class CalendarCoverageTest {

    private final BankHolidays bundled = BankHolidays.bundled(Division.ENGLAND_AND_WALES);

    @Test
    void quietWhileTheDataCoversTheComingYear() {
        assertThat(CalendarCoverage.warning(bundled, LocalDate.of(bundled.lastYear() - 1, 12, 31))).isEmpty();
    }

    @Test
    void warnsOnceTheDataEndsWithinAYear() {
        assertThat(CalendarCoverage.warning(bundled, LocalDate.of(bundled.lastYear(), 1, 1))).hasValueSatisfying(
                w -> assertThat(w).contains("england-and-wales", String.valueOf(bundled.lastYear()), "Refresh"));
    }
}
