package org.clearpost.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the bundled bank-holidays.json from the statutory rules plus the one-off changes, in gov.uk's
 * format and wording. Test scope only: services read the data file, never these rules, so a refreshed
 * gov.uk file always wins. {@code BundledDataTest} checks the shipped resource equals this output.
 *
 * <p>Regenerate with {@code java -cp <test classpath> org.clearpost.calendar.BankHolidayRules <path>}.
 * When a new one-off holiday is proclaimed, add it to {@link #oneOffs} and regenerate.
 */
final class BankHolidayRules {

    static final int FIRST_YEAR = 2018;
    static final int LAST_YEAR = 2028;

    // gov.uk spells these with U+2019 (’), not an ASCII apostrophe.
    private static final String NEW_YEARS_DAY = "New Year\u2019s Day";
    private static final String SECOND_JANUARY = "2nd January";
    private static final String ST_PATRICKS_DAY = "St Patrick\u2019s Day";
    private static final String GOOD_FRIDAY = "Good Friday";
    private static final String EASTER_MONDAY = "Easter Monday";
    private static final String EARLY_MAY = "Early May bank holiday";
    private static final String SPRING = "Spring bank holiday";
    private static final String BOYNE = "Battle of the Boyne (Orangemen\u2019s Day)";
    private static final String SUMMER = "Summer bank holiday";
    private static final String ST_ANDREWS_DAY = "St Andrew\u2019s Day";
    private static final String CHRISTMAS = "Christmas Day";
    private static final String BOXING = "Boxing Day";

    private BankHolidayRules() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BankHolidayRules <output bank-holidays.json>");
        }
        Files.writeString(Path.of(args[0]), json(FIRST_YEAR, LAST_YEAR), StandardCharsets.UTF_8);
    }

    /** The whole gov.uk-format document for the given years. */
    static String json(int firstYear, int lastYear) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Division division : Division.values()) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int year = firstYear; year <= lastYear; year++) {
                for (BankHoliday h : forYear(division, year)) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("title", h.title());
                    event.put("date", h.date().toString());
                    event.put("notes", h.notes());
                    event.put("bunting", h.bunting());
                    events.add(event);
                }
            }
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("division", division.key());
            section.put("events", events);
            root.put(division.key(), section);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    /** One division's holidays in {@code year}, in date order, as gov.uk lists them. */
    static List<BankHoliday> forYear(Division division, int year) {
        List<BankHoliday> out = new ArrayList<>();
        boolean scotland = division == Division.SCOTLAND;
        boolean northernIreland = division == Division.NORTHERN_IRELAND;

        if (scotland) {
            // gov.uk, Scotland 2023 (1 Jan a Sunday): New Year's Day substitute Mon 2, 2nd January substitute Tue 3.
            pair(out, LocalDate.of(year, 1, 1), NEW_YEARS_DAY, SECOND_JANUARY, true);
        } else {
            single(out, LocalDate.of(year, 1, 1), NEW_YEARS_DAY, true);
        }
        if (northernIreland) {
            single(out, LocalDate.of(year, 3, 17), ST_PATRICKS_DAY, true);
        }

        LocalDate easter = easterSunday(year);
        fixed(out, easter.minusDays(2), GOOD_FRIDAY, false);
        if (!scotland) {
            // gov.uk set no bunting for Easter Monday 2020 (lockdown).
            fixed(out, easter.plusDays(1), EASTER_MONDAY, year != 2020);
        }

        if (year == 2020) {
            // Moved from Mon 4 May to Fri 8 May for the 75th anniversary of VE Day.
            fixed(out, LocalDate.of(2020, 5, 8), "Early May bank holiday (VE day)", true);
        } else {
            fixed(out, firstMonday(year, Month.MAY), EARLY_MAY, true);
        }

        if (year == 2022) {
            // Moved from Mon 30 May to Thu 2 June, next to the Platinum Jubilee day.
            fixed(out, LocalDate.of(2022, 6, 2), SPRING, true);
        } else {
            fixed(out, lastMonday(year, Month.MAY), SPRING, true);
        }

        if (northernIreland) {
            single(out, LocalDate.of(year, 7, 12), BOYNE, false);
        }
        // Scotland's summer bank holiday is at the start of August, the others' at the end.
        fixed(out, scotland ? firstMonday(year, Month.AUGUST) : lastMonday(year, Month.AUGUST), SUMMER, true);
        if (scotland) {
            single(out, LocalDate.of(year, 11, 30), ST_ANDREWS_DAY, true);
        }

        // gov.uk, 2022 (25 Dec a Sunday): Boxing Day stays Mon 26, Christmas Day substitute Tue 27.
        pair(out, LocalDate.of(year, 12, 25), CHRISTMAS, BOXING, false);

        out.addAll(oneOffs(year));
        out.sort(Comparator.comparing(BankHoliday::date));
        return out;
    }

    /** Holidays proclaimed for one year only, in every division. */
    private static List<BankHoliday> oneOffs(int year) {
        switch (year) {
            case 2022:
                return List.of(
                        new BankHoliday(LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday", "", true),
                        new BankHoliday(LocalDate.of(2022, 9, 19),
                                "Bank Holiday for the State Funeral of Queen Elizabeth II", "", false));
            case 2023:
                return List.of(new BankHoliday(LocalDate.of(2023, 5, 8),
                        "Bank holiday for the coronation of King Charles III", "", true));
            default:
                return List.of();
        }
    }

    private static void fixed(List<BankHoliday> out, LocalDate date, String title, boolean bunting) {
        out.add(new BankHoliday(date, title, "", bunting));
    }

    /** A single date that moves to the following Monday when it falls at a weekend. */
    private static void single(List<BankHoliday> out, LocalDate date, String title, boolean bunting) {
        switch (date.getDayOfWeek()) {
            case SATURDAY -> substitute(out, date.plusDays(2), title, bunting);
            case SUNDAY -> substitute(out, date.plusDays(1), title, bunting);
            default -> fixed(out, date, title, bunting);
        }
    }

    /**
     * Two consecutive holidays (25/26 December; 1/2 January in Scotland): those at a weekend move to the next
     * weekdays not already taken. When the first falls on a Sunday the second keeps its Monday for Christmas,
     * but for New Year in Scotland gov.uk gives the Monday to the first and moves the second to Tuesday;
     * the days off are the same either way, only the titles differ.
     */
    private static void pair(List<BankHoliday> out, LocalDate first, String firstTitle, String secondTitle,
                             boolean sundayFirstTakesMonday) {
        LocalDate second = first.plusDays(1);
        switch (first.getDayOfWeek()) {
            case FRIDAY -> {
                fixed(out, first, firstTitle, true);
                substitute(out, first.plusDays(3), secondTitle, true);
            }
            case SATURDAY -> {
                substitute(out, first.plusDays(2), firstTitle, true);
                substitute(out, first.plusDays(3), secondTitle, true);
            }
            case SUNDAY -> {
                if (sundayFirstTakesMonday) {
                    substitute(out, first.plusDays(1), firstTitle, true);
                    substitute(out, first.plusDays(2), secondTitle, true);
                } else {
                    fixed(out, second, secondTitle, true);
                    substitute(out, first.plusDays(2), firstTitle, true);
                }
            }
            default -> {
                fixed(out, first, firstTitle, true);
                fixed(out, second, secondTitle, true);
            }
        }
    }

    private static void substitute(List<BankHoliday> out, LocalDate date, String title, boolean bunting) {
        out.add(new BankHoliday(date, title, BankHoliday.SUBSTITUTE_DAY, bunting));
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static LocalDate lastMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }

    /** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
