package org.clearpost.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped resource is exactly what the rules generate, and the rules are sound. */
class BundledDataTest {

    @Test
    void bundledResourceIsTheGeneratedData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = BankHolidays.class.getResourceAsStream(BankHolidays.BUNDLED_RESOURCE)) {
            assertThat(in).as("resource %s", BankHolidays.BUNDLED_RESOURCE).isNotNull();
            assertThat(json.readTree(in))
                    .as("bank-holidays.json differs from BankHolidayRules; regenerate it (see BankHolidayRules)")
                    .isEqualTo(json.readTree(BankHolidayRules.json(BankHolidayRules.FIRST_YEAR,
                            BankHolidayRules.LAST_YEAR)));
        }
    }

    @Test
    void bundledDataCovers2018To2028InEveryDivision() {
        for (Division division : Division.values()) {
            BankHolidays holidays = BankHolidays.bundled(division);
            assertThat(holidays.division()).isEqualTo(division);
            assertThat(holidays.firstYear()).isEqualTo(2018);
            assertThat(holidays.lastYear()).isEqualTo(2028);
        }
    }

    @Test
    void noHolidayFallsAtAWeekendAndEachYearHasTheStatutoryCount() {
        for (Division division : Division.values()) {
            for (int year = 2018; year <= 2028; year++) {
                var days = BankHolidayRules.forYear(division, year);
                assertThat(days).allSatisfy(h -> assertThat(h.date().getDayOfWeek())
                        .as("%s %s", division, h).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                assertThat(days).extracting(BankHoliday::date).doesNotHaveDuplicates();
                int oneOffs = year == 2022 ? 2 : year == 2023 ? 1 : 0;
                int statutory = switch (division) {
                    case ENGLAND_AND_WALES -> 8;
                    case SCOTLAND -> 9;
                    case NORTHERN_IRELAND -> 10;
                };
                assertThat(days).as("%s %d", division, year).hasSize(statutory + oneOffs);
            }
        }
    }

    @Test
    void computusGivesKnownEasterSundays() {
        assertThat(BankHolidayRules.easterSunday(2018)).isEqualTo(LocalDate.of(2018, 4, 1));
        assertThat(BankHolidayRules.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(BankHolidayRules.easterSunday(2020)).isEqualTo(LocalDate.of(2020, 4, 12));
        assertThat(BankHolidayRules.easterSunday(2021)).isEqualTo(LocalDate.of(2021, 4, 4));
        assertThat(BankHolidayRules.easterSunday(2022)).isEqualTo(LocalDate.of(2022, 4, 17));
        assertThat(BankHolidayRules.easterSunday(2023)).isEqualTo(LocalDate.of(2023, 4, 9));
        assertThat(BankHolidayRules.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BankHolidayRules.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BankHolidayRules.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BankHolidayRules.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BankHolidayRules.easterSunday(2028)).isEqualTo(LocalDate.of(2028, 4, 16));
    }
}
