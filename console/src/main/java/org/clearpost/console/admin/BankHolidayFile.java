package org.clearpost.console.admin;

import org.clearpost.console.web.LondonTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dates in a gov.uk bank-holidays.json, read only to show the admin what they uploaded once clearance has
 * accepted it. Clearance alone decides whether a file is good (its problem is what a bad file shows); this reader
 * just skips what it cannot read.
 */
public final class BankHolidayFile {

    /** One bank holiday as the table shows it. */
    public record Holiday(LocalDate date, String title) {
        public String getDay() {
            return LondonTime.weekday(date);
        }

        public String getIso() {
            return date.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BankHolidayFile() {
    }

    /** The holidays of one division from a day on (the start of this year: what is still to come matters). */
    public static List<Holiday> holidays(byte[] file, String division, LocalDate from) {
        return holidays(file, division).stream().filter(h -> !h.date().isBefore(from)).toList();
    }

    /**
     * The holidays of one division ({@code england-and-wales}) in date order: from the whole file (a section per
     * division) or a single division's download ({@code {"division", "events"}}); empty when there are none to read.
     */
    public static List<Holiday> holidays(byte[] file, String division) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (IOException notJson) {
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        JsonNode section = root.has("events") ? root : root.path(division);
        List<Holiday> holidays = new ArrayList<>();
        for (JsonNode event : section.path("events")) {
            try {
                String title = event.path("title").asText("");
                holidays.add(new Holiday(LocalDate.parse(event.path("date").asText("")), title));
            } catch (DateTimeParseException skipped) {
                // clearance refuses such a file; nothing to show for this event
            }
        }
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }
}
