package org.clearpost.console.figures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures' date range, London days, both included (analytics' {@code from} and {@code to}), as the GOV.UK date
 * input pattern asks for it: day, month and year of each. The console only reads the dates; whether analytics keeps
 * that far back is analytics' answer (a 400 naming {@code from}).
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Without a range the page shows the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;
    /** Up to this many days every day gets a bar, quiet ones too; beyond it only days with figures. */
    static final int EVERY_DAY_UP_TO = 92;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static DateRange lastDays(LocalDate today) {
        return new DateRange(today.minusDays(DEFAULT_DAYS - 1), today);
    }

    /** The six fields as typed (kept to show them again), and the dates they make. */
    public record Fields(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth,
            String toYear) {

        public static Fields of(Map<String, String> params) {
            return new Fields(params.get("from-day"), params.get("from-month"), params.get("from-year"),
                    params.get("to-day"), params.get("to-month"), params.get("to-year"));
        }

        public static Fields of(DateRange range) {
            return new Fields(String.valueOf(range.from.getDayOfMonth()), String.valueOf(range.from.getMonthValue()),
                    String.valueOf(range.from.getYear()), String.valueOf(range.to.getDayOfMonth()),
                    String.valueOf(range.to.getMonthValue()), String.valueOf(range.to.getYear()));
        }

        boolean isBlank() {
            return List.of(n(fromDay), n(fromMonth), n(fromYear), n(toDay), n(toMonth), n(toYear)).stream()
                    .allMatch(String::isEmpty);
        }

        /** The range, or a problem for the first field that does not make a date (field {@code from} or {@code to}). */
        public DateRange range(LocalDate today) throws InvalidDate {
            if (isBlank()) {
                return lastDays(today);
            }
            LocalDate from = date("from", "from-day", fromDay, fromMonth, fromYear, "Start date");
            LocalDate to = date("to", "to-day", toDay, toMonth, toYear, "End date");
            if (to.isBefore(from)) {
                throw new InvalidDate("to", "to-day", "End date must be the same as or after the start date");
            }
            return new DateRange(from, to);
        }

        private static LocalDate date(String field, String input, String day, String month, String year,
                String name) throws InvalidDate {
            List<String> missing = new ArrayList<>();
            if (n(day).isEmpty()) {
                missing.add("day");
            }
            if (n(month).isEmpty()) {
                missing.add("month");
            }
            if (n(year).isEmpty()) {
                missing.add("year");
            }
            if (missing.size() == 3) {
                throw new InvalidDate(field, input, "Enter the " + name.toLowerCase(Locale.UK));
            }
            if (!missing.isEmpty()) {
                throw new InvalidDate(field, input, name + " must include a " + String.join(" and a ", missing));
            }
            try {
                int y = Integer.parseInt(n(year));
                if (n(year).length() != 4) {
                    throw new InvalidDate(field, input, name + " year must be 4 numbers");
                }
                return LocalDate.of(y, Integer.parseInt(n(month)), Integer.parseInt(n(day)));
            } catch (NumberFormatException | DateTimeException e) {
                throw new InvalidDate(field, input, name + " must be a real date");
            }
        }

        private static String n(String value) {
            return value == null ? "" : value.strip();
        }
    }

    /** A date the person typed that is not one; {@code inputId} is where the error summary links. */
    public static final class InvalidDate extends Exception {
        private final String field;
        private final String inputId;

        InvalidDate(String field, String inputId, String message) {
            super(message, null, false, false);
            this.field = field;
            this.inputId = inputId;
        }

        public String field() {
            return field;
        }

        public String inputId() {
            return inputId;
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Every day of the range for a short range, in order; for a long one, none (the figures' own days are used). */
    List<LocalDate> everyDay() {
        if (days() > EVERY_DAY_UP_TO) {
            return List.of();
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    static String shortDay(LocalDate day) {
        return SHORT.format(day);
    }

    public String getShown() {
        return LONG.format(from) + " to " + LONG.format(to);
    }
}
