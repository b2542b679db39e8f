package org.clearpost.console.lead;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GOV.UK date input (day, month, year) and a time typed beside it, read as the London wall-clock time clearance
 * takes ({@code 2027-05-04T09:00}, no offset), and back again for a form that changes a period. Clearance itself
 * turns that wall-clock time into an instant and refuses one in the spring-forward gap: this class only assembles
 * what was typed, and says which part is missing or not a real date (the GOV.UK date input's own messages), since
 * there is no single value to send until the parts make one.
 *
 * <p>A period's end is typed as its last day: with no time, it ends at midnight at the end of that day, so a period
 * from 4 May to 10 May is sent as {@code 2027-05-04T00:00} to {@code 2027-05-11T00:00}, as clearance's notice reads
 * it ("until 10 May 2027").
 */
public final class LondonDates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern TIME_TYPED = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    private LondonDates() {
    }

    /** What the person typed into one date input and the time beside it (each may be null or blank). */
    public record DateInput(String day, String month, String year, String time) {

        public static final DateInput EMPTY = new DateInput("", "", "", "");

        boolean blank() {
            return isBlank(day) && isBlank(month) && isBlank(year);
        }
    }

    /** Either the wall-clock time to send, or why the parts do not make one. */
    public record Reading(LocalDateTime wallClock, String problem) {

        static Reading of(LocalDateTime wallClock) {
            return new Reading(wallClock, null);
        }

        static Reading refused(String problem) {
            return new Reading(null, problem);
        }

        public boolean ok() {
            return problem == null;
        }

        /** As clearance reads it: {@code 2027-05-04T09:00}. */
        public String text() {
            return wallClock == null ? null : WALL_CLOCK.format(wallClock);
        }
    }

    /** A start: the day at the time typed, or at 00:00. {@code label} begins each message ("Start date"). */
    public static Reading start(DateInput input, String label) {
        return read(input, label, false);
    }

    /** An end typed as the last day: at the time typed on that day, or else midnight at the end of it. */
    public static Reading end(DateInput input, String label) {
        return read(input, label, true);
    }

    private static Reading read(DateInput input, String label, boolean lastDay) {
        if (input.blank()) {
            return Reading.refused("Enter the " + label.toLowerCase(Locale.UK));
        }
        for (String[] part : new String[][] {{ input.day(), "day" }, { input.month(), "month" },
                { input.year(), "year" }}) {
            if (isBlank(part[0])) {
                return Reading.refused(label + " must include a " + part[1]);
            }
            if (!NUMBER.matcher(part[0].strip()).matches()) {
                return Reading.refused(label + " must be a real date");
            }
        }
        if (input.year().strip().length() != 4) {
            return Reading.refused("Year must include 4 numbers");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(input.year().strip()), Integer.parseInt(input.month().strip()),
                    Integer.parseInt(input.day().strip()));
        } catch (DateTimeException e) {
            return Reading.refused(label + " must be a real date");
        }
        if (isBlank(input.time())) {
            return Reading.of(lastDay ? date.plusDays(1).atStartOfDay() : date.atStartOfDay());
        }
        Matcher time = TIME_TYPED.matcher(input.time().strip());
        if (!time.matches()) {
            return Reading.refused(label + " time must be a time in 24-hour form, like 09:30 or 17:45");
        }
        try {
            return Reading.of(date.atTime(LocalTime.of(Integer.parseInt(time.group(1)),
                    Integer.parseInt(time.group(2)))));
        } catch (DateTimeException e) {
            return Reading.refused(label + " time must be a real time, like 09:30 or 17:45");
        }
    }

    /** The inputs that show a start as typed (no time when it starts at midnight). */
    public static DateInput startInput(OffsetDateTime startsAt) {
        LocalDateTime local = startsAt.atZoneSameInstant(LONDON).toLocalDateTime();
        return input(local.toLocalDate(), local.toLocalTime().equals(LocalTime.MIDNIGHT) ? "" : TIME.format(local));
    }

    /** The inputs that show an end as its last day (no time when it ends at midnight at the end of that day). */
    public static DateInput endInput(OffsetDateTime endsAt) {
        LocalDateTime local = endsAt.atZoneSameInstant(LONDON).toLocalDateTime();
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return input(local.toLocalDate().minusDays(1), "");
        }
        return input(local.toLocalDate(), TIME.format(local));
    }

    private static DateInput input(LocalDate date, String time) {
        return new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getYear()), time);
    }

    /** An instant as the Communications team reads it: London time, {@code 4 May 2027, 09:00}. */
    public static String show(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(LONDON));
    }

    public static String show(OffsetDateTime time) {
        return time == null ? "" : show(time.toInstant());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
