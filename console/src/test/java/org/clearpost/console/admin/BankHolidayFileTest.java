package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankHolidayFileTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheDivisionInUseFromTheWholeFileInDateOrder() {
        var holidays = BankHolidayFile.holidays(bytes("""
                {"england-and-wales":{"division":"england-and-wales","events":[
                   {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
                   {"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true}]},
                 "scotland":{"division":"scotland","events":[
                   {"title":"St Andrew’s Day","date":"2026-11-30","notes":"","bunting":true}]}}"""),
                "england-and-wales");

        assertThat(holidays).extracting(BankHolidayFile.Holiday::date)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25));
        assertThat(holidays.get(1).getDay()).isEqualTo("Friday 25 December 2026");
        assertThat(holidays.get(1).title()).isEqualTo("Christmas Day");
    }

    @Test
    void listsFromADayOn() {
        var holidays = BankHolidayFile.holidays(bytes("""
                {"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2025-12-25"},
                 {"title":"New Year’s Day","date":"2026-01-01"},{"title":"Good Friday","date":"2026-04-03"}]}"""),
                "england-and-wales", LocalDate.of(2026, 1, 1));

        assertThat(holidays).extracting(BankHolidayFile.Holiday::title).containsExactly("New Year’s Day", "Good Friday");
    }

    @Test
    void readsASingleDivisionsDownload() {
        var holidays = BankHolidayFile.holidays(bytes("""
                {"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2026-11-30"}]}"""),
                "scotland");

        assertThat(holidays).extracting(BankHolidayFile.Holiday::getIso).containsExactly("2026-11-30");
    }

    @Test
    void showsNothingItCannotRead() {
        assertThat(BankHolidayFile.holidays(bytes("not json {"), "england-and-wales")).isEmpty();
        assertThat(BankHolidayFile.holidays(bytes(""), "england-and-wales")).isEmpty();
        assertThat(BankHolidayFile.holidays(bytes("""
                {"england-and-wales":{"events":[{"title":"Bad","date":"25/12/2026"},
                 {"title":"Boxing Day","date":"2026-12-28"}]}}"""), "england-and-wales"))
                .extracting(BankHolidayFile.Holiday::title).containsExactly("Boxing Day");
    }
}
