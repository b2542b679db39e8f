package org.clearpost.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankHolidaysTest {

    private static final BankHolidays ENGLAND = BankHolidays.bundled(Division.ENGLAND_AND_WALES);
    private static final BankHolidays SCOTLAND = BankHolidays.bundled(Division.SCOTLAND);
    private static final BankHolidays NI = BankHolidays.bundled(Division.NORTHERN_IRELAND);

    // Expected values below are gov.uk's published dates, written out by hand (not from the generator).

    @Test
    void englandAndWales2024() {
        assertThat(datesIn(ENGLAND, 2024)).containsExactly(d("2024-01-01"), d("2024-03-29"), d("2024-04-01"),
                d("2024-05-06"), d("2024-05-27"), d("2024-08-26"), d("2024-12-25"), d("2024-12-26"));
    }

    @Test
    void englandAndWales2026WithBoxingDaySubstitute() {
        assertThat(datesIn(ENGLAND, 2026)).containsExactly(d("2026-01-01"), d("2026-04-03"), d("2026-04-06"),
                d("2026-05-04"), d("2026-05-25"), d("2026-08-31"), d("2026-12-25"), d("2026-12-28"));
        assertThat(ENGLAND.holidayOn(d("2026-12-28"))).hasValueSatisfying(h -> {
            assertThat(h.title()).isEqualTo("Boxing Day");
            assertThat(h.isSubstitute()).isTrue();
        });
        assertThat(ENGLAND.isHoliday(d("2026-12-26"))).as("Saturday itself is not listed").isFalse();
    }

    @Test
    void englandAndWalesSubstituteDays() {
        // 2020: Boxing Day Saturday -> Monday 28th.
        assertSubstitute(ENGLAND, "2020-12-28", "Boxing Day");
        // 2021: Christmas Saturday, Boxing Day Sunday -> Monday 27th and Tuesday 28th.
        assertSubstitute(ENGLAND, "2021-12-27", "Christmas Day");
        assertSubstitute(ENGLAND, "2021-12-28", "Boxing Day");
        // 2022: New Year's Day Saturday -> Monday 3 January.
        assertSubstitute(ENGLAND, "2022-01-03", "New Year\u2019s Day");
        // 2022: Christmas Sunday -> Boxing Day keeps Monday 26th, Christmas substitute Tuesday 27th.
        assertThat(ENGLAND.holidayOn(d("2022-12-26"))).hasValueSatisfying(h -> {
            assertThat(h.title()).isEqualTo("Boxing Day");
            assertThat(h.isSubstitute()).isFalse();
        });
        assertSubstitute(ENGLAND, "2022-12-27", "Christmas Day");
        // 2023: New Year's Day Sunday -> Monday 2 January.
        assertSubstitute(ENGLAND, "2023-01-02", "New Year\u2019s Day");
        // 2027: both Christmas days at the weekend.
        assertSubstitute(ENGLAND, "2027-12-27", "Christmas Day");
        assertSubstitute(ENGLAND, "2027-12-28", "Boxing Day");
    }

    @Test
    void oneOffChangesInEveryDivision() {
        for (BankHolidays holidays : List.of(ENGLAND, SCOTLAND, NI)) {
            // 2020: early May moved to Friday 8 May for VE Day.
            assertThat(holidays.isHoliday(d("2020-05-04"))).isFalse();
            assertThat(holidays.holidayOn(d("2020-05-08"))).get().extracting(BankHoliday::title)
                    .isEqualTo("Early May bank holiday (VE day)");
            // 2022: spring bank holiday moved to Thursday 2 June, plus Friday 3 June for the Platinum Jubilee.
            assertThat(holidays.isHoliday(d("2022-05-30"))).isFalse();
            assertThat(holidays.holidayOn(d("2022-06-02"))).get().extracting(BankHoliday::title)
                    .isEqualTo("Spring bank holiday");
            assertThat(holidays.holidayOn(d("2022-06-03"))).get().extracting(BankHoliday::title)
                    .isEqualTo("Platinum Jubilee bank holiday");
            // 2022: Monday 19 September, State Funeral of Queen Elizabeth II.
            assertThat(holidays.holidayOn(d("2022-09-19"))).get().extracting(BankHoliday::title)
                    .isEqualTo("Bank Holiday for the State Funeral of Queen Elizabeth II");
            // 2023: Monday 8 May, Coronation of King Charles III (in addition to 1 May).
            assertThat(holidays.isHoliday(d("2023-05-01"))).isTrue();
            assertThat(holidays.holidayOn(d("2023-05-08"))).get().extracting(BankHoliday::title)
                    .isEqualTo("Bank holiday for the coronation of King Charles III");
        }
    }

    @Test
    void scotland2024() {
        assertThat(datesIn(SCOTLAND, 2024)).containsExactly(d("2024-01-01"), d("2024-01-02"), d("2024-03-29"),
                d("2024-05-06"), d("2024-05-27"), d("2024-08-05"), d("2024-12-02"), d("2024-12-25"),
                d("2024-12-26"));
        assertThat(SCOTLAND.isHoliday(d("2024-04-01"))).as("no Easter Monday in Scotland").isFalse();
        assertThat(SCOTLAND.isHoliday(d("2024-08-26"))).as("summer holiday is in early August").isFalse();
        assertSubstitute(SCOTLAND, "2024-12-02", "St Andrew\u2019s Day"); // 30 Nov a Saturday
    }

    @Test
    void scotlandNewYearSubstitutes() {
        // 2021: 2 January a Saturday -> Monday 4th.
        assertThat(SCOTLAND.isHoliday(d("2021-01-01"))).isTrue();
        assertSubstitute(SCOTLAND, "2021-01-04", "2nd January");
        // 2022: 1 and 2 January at the weekend -> Monday 3rd and Tuesday 4th.
        assertSubstitute(SCOTLAND, "2022-01-03", "New Year\u2019s Day");
        assertSubstitute(SCOTLAND, "2022-01-04", "2nd January");
        // 2023: 1 January a Sunday -> Monday 2nd and Tuesday 3rd.
        assertSubstitute(SCOTLAND, "2023-01-02", "New Year\u2019s Day");
        assertSubstitute(SCOTLAND, "2023-01-03", "2nd January");
        // 2025: St Andrew's Day a Sunday -> Monday 1 December.
        assertSubstitute(SCOTLAND, "2025-12-01", "St Andrew\u2019s Day");
        assertThat(SCOTLAND.isHoliday(d("2026-11-30"))).isTrue();
    }

    @Test
    void northernIreland2025() {
        assertThat(datesIn(NI, 2025)).containsExactly(d("2025-01-01"), d("2025-03-17"), d("2025-04-18"),
                d("2025-04-21"), d("2025-05-05"), d("2025-05-26"), d("2025-07-14"), d("2025-08-25"),
                d("2025-12-25"), d("2025-12-26"));
        assertSubstitute(NI, "2025-07-14", "Battle of the Boyne (Orangemen\u2019s Day)"); // 12 July a Saturday
        assertSubstitute(NI, "2024-03-18", "St Patrick\u2019s Day"); // 17 March a Sunday
        assertSubstitute(NI, "2020-07-13", "Battle of the Boyne (Orangemen\u2019s Day)"); // a Sunday
        assertThat(NI.isHoliday(d("2026-03-17"))).isTrue();
        assertThat(ENGLAND.isHoliday(d("2026-03-17"))).isFalse();
    }

    @Test
    void datesOutsideTheDataAreRefusedNotGuessed() {
        assertThat(ENGLAND.covers(d("2028-12-31"))).isTrue();
        assertThat(ENGLAND.covers(d("2029-01-01"))).isFalse();
        assertThatThrownBy(() -> ENGLAND.isHoliday(d("2029-01-01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2029")
                .hasMessageContaining("2018-2028")
                .hasMessageContaining("https://www.gov.uk/bank-holidays.json");
        assertThatThrownBy(() -> ENGLAND.isHoliday(d("2017-12-25"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadsARefreshedFileFromAStream() throws Exception {
        String json = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true},
                  {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [
                  {"title": "2nd January", "date": "2029-01-02", "notes": "", "bunting": true}]}}
                """;
        BankHolidays england = BankHolidays.load(stream(json), Division.ENGLAND_AND_WALES);
        assertThat(england.firstYear()).isEqualTo(2029);
        assertThat(england.lastYear()).isEqualTo(2030);
        assertThat(england.isHoliday(d("2029-01-01"))).isTrue();
        assertThat(england.holidays()).extracting(BankHoliday::title)
                .containsExactly("New Year\u2019s Day", "Christmas Day");
        assertThat(BankHolidays.load(stream(json), Division.SCOTLAND).isHoliday(d("2029-01-02"))).isTrue();
    }

    @Test
    void loadsAFileFromAPathIncludingASingleDivisionDownload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scotland.json");
        Files.writeString(file, """
                {"division": "scotland", "events": [
                  {"title": "St Andrew’s Day", "date": "2029-11-30", "notes": "", "bunting": true}]}
                """, StandardCharsets.UTF_8);
        assertThat(BankHolidays.load(file, Division.SCOTLAND).isHoliday(d("2029-11-30"))).isTrue();
        assertThatThrownBy(() -> BankHolidays.load(file, Division.ENGLAND_AND_WALES))
                .isInstanceOf(MalformedBankHolidaysException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected \"england-and-wales\"");
    }

    @Test
    void refusesMalformedFilesWithAClearMessage() {
        assertMalformed("", "expected a JSON object");
        assertMalformed("<html>Service unavailable</html>", "not valid JSON");
        assertMalformed("[]", "expected a JSON object");
        assertMalformed("{\"scotland\": {\"division\": \"scotland\", \"events\": []}}",
                "no \"england-and-wales\" section");
        assertMalformed(section("england-and-wales", "[]"), "\"events\" must be a non-empty array");
        assertMalformed("{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": {}}}",
                "\"events\" must be a non-empty array");
        assertMalformed(section("scotland", "[" + event("X", "2024-01-01") + "]").replaceFirst("scotland",
                "england-and-wales"), "\"division\" is \"scotland\"");
        assertMalformed(section("england-and-wales", "[{\"date\": \"2024-01-01\"}]"),
                "england-and-wales event #1: missing \"title\"");
        assertMalformed(section("england-and-wales", "[" + event("Good Friday", "29/03/2024") + "]"),
                "date \"29/03/2024\" is not YYYY-MM-DD");
        assertMalformed(section("england-and-wales", "[" + event("Nonsense", "2024-02-30") + "]"),
                "date \"2024-02-30\" is not YYYY-MM-DD");
        assertMalformed(section("england-and-wales",
                        "[{\"title\": \"A\", \"date\": \"2024-01-01\", \"bunting\": \"yes\"}]"),
                "\"bunting\" must be true or false");
        assertMalformed(section("england-and-wales",
                        "[" + event("A", "2024-01-01") + "," + event("B", "2024-01-01") + "]"),
                "two events on 2024-01-01");
        assertMalformed(section("england-and-wales",
                        "[" + event("A", "2024-01-01") + "," + event("B", "2026-01-01") + "]"),
                "no events for [2025]");
        assertMalformed(section("england-and-wales", "[" + event("A", "2024-01-01") + "]") + " trailing",
                "not valid JSON");
    }

    private static void assertMalformed(String json, String expectedMessagePart) {
        assertThatThrownBy(() -> BankHolidays.load(stream(json), Division.ENGLAND_AND_WALES))
                .as(json)
                .isInstanceOf(MalformedBankHolidaysException.class)
                .hasMessageStartingWith("Not a gov.uk bank-holidays.json file: ")
                .hasMessageContaining(expectedMessagePart);
    }

    private static String section(String division, String events) {
        return "{\"" + division + "\": {\"division\": \"" + division + "\", \"events\": " + events + "}}";
    }

    private static String event(String title, String date) {
        return "{\"title\": \"" + title + "\", \"date\": \"" + date + "\", \"notes\": \"\", \"bunting\": true}";
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSubstitute(BankHolidays holidays, String date, String title) {
        assertThat(holidays.holidayOn(d(date))).as("%s %s", holidays.division(), date).hasValueSatisfying(h -> {
            assertThat(h.title()).isEqualTo(title);
            assertThat(h.notes()).isEqualTo("Substitute day");
        });
    }

    private static List<LocalDate> datesIn(BankHolidays holidays, int year) {
        return holidays.holidays().stream().map(BankHoliday::date).filter(x -> x.getYear() == year).toList();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
