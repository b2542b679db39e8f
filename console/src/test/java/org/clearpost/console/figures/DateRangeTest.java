package org.clearpost.console.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    @Test
    void noDatesIsTheLastThirtyDaysWithToday() throws Exception {
        DateRange range = DateRange.Fields.of(Map.of()).range(TODAY);
        assertThat(range).isEqualTo(new DateRange(LocalDate.parse("2026-11-03"), TODAY));
        assertThat(range.days()).isEqualTo(30);
        assertThat(DateRange.Fields.of(range)).isEqualTo(new DateRange.Fields("3", "11", "2026", "2", "12", "2026"));
    }

    @Test
    void theSixFieldsMakeTheRange() throws Exception {
        DateRange range = fields("1", "11", "2026", "30", "11", "2026").range(TODAY);
        assertThat(range).isEqualTo(new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(range.getShown()).isEqualTo("1 November 2026 to 30 November 2026");
        assertThat(range.everyDay()).hasSize(30);
    }

    @Test
    void eachMistakeIsNamedForItsDateInGovukWords() {
        assertThatThrownBy(() -> fields("", "", "", "1", "12", "2026").range(TODAY))
                .hasMessage("Enter the start date").extracting("field", "inputId").containsExactly("from", "from-day");
        assertThatThrownBy(() -> fields("1", "", "", "1", "12", "2026").range(TODAY))
                .hasMessage("Start date must include a month and a year");
        assertThatThrownBy(() -> fields("1", "11", "2026", "31", "11", "2026").range(TODAY))
                .hasMessage("End date must be a real date").extracting("field", "inputId")
                .containsExactly("to", "to-day");
        assertThatThrownBy(() -> fields("1", "11", "26", "2", "11", "2026").range(TODAY))
                .hasMessage("Start date year must be 4 numbers");
        assertThatThrownBy(() -> fields("2", "11", "2026", "1", "11", "2026").range(TODAY))
                .hasMessage("End date must be the same as or after the start date");
    }

    private static DateRange.Fields fields(String fd, String fm, String fy, String td, String tm, String ty) {
        return new DateRange.Fields(fd, fm, fy, td, tm, ty);
    }
}
