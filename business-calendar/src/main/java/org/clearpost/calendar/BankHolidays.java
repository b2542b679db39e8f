package org.clearpost.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of one division, read from gov.uk's bank-holidays.json format.
 *
 * <p>The data only speaks for the years it lists: a year missing from the file is unknown, not "a year without
 * holidays". Asking about a date outside {@link #firstYear()}..{@link #lastYear()} therefore throws, so a stale
 * file shows up as a clear error instead of a deadline that silently lands on a bank holiday.
 */
public final class BankHolidays {

    /** Classpath location of the copy shipped with this module. */
    public static final String BUNDLED_RESOURCE = "/org/clearpost/calendar/bank-holidays.json";

    static final String SOURCE_URL = "https://www.gov.uk/bank-holidays.json";

    // Trailing content after the top-level object means a damaged download.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<Division, BankHolidays> BUNDLED = new ConcurrentHashMap<>();

    private final Division division;
    private final NavigableMap<LocalDate, BankHoliday> byDate;
    private final int firstYear;
    private final int lastYear;

    private BankHolidays(Division division, NavigableMap<LocalDate, BankHoliday> byDate) {
        this.division = division;
        this.byDate = Collections.unmodifiableNavigableMap(byDate);
        this.firstYear = byDate.firstKey().getYear();
        this.lastYear = byDate.lastKey().getYear();
    }

    /** The copy shipped in this jar (2018–2028). Parsed once per division. */
    public static BankHolidays bundled(Division division) {
        Objects.requireNonNull(division, "division");
        return BUNDLED.computeIfAbsent(division, d -> {
            try (InputStream in = BankHolidays.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + BUNDLED_RESOURCE);
                }
                return load(in, d);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + BUNDLED_RESOURCE, e);
            }
        });
    }

    /** Reads a file downloaded from gov.uk (the whole bank-holidays.json, or one division's file). */
    public static BankHolidays load(Path file, Division division) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, division);
        } catch (MalformedBankHolidaysException e) {
            throw new MalformedBankHolidaysException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads gov.uk's format: either the whole bank-holidays.json (top-level keys {@code england-and-wales},
     * {@code scotland}, {@code northern-ireland}) or a single division's {@code {"division", "events"}} object.
     * The stream is not closed.
     *
     * @throws MalformedBankHolidaysException if the content is not in that format; nothing of it is used
     * @throws IOException if the stream cannot be read
     */
    public static BankHolidays load(InputStream in, Division division) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(division, "division");
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed("expected a JSON object with keys england-and-wales, scotland, northern-ireland");
        }
        // A per-division download (/bank-holidays/{division}.json) is the section itself.
        JsonNode section = root.has("events") ? root : root.get(division.key());
        if (section == null || !section.isObject()) {
            throw malformed("no \"" + division.key() + "\" section; expected top-level keys "
                    + "england-and-wales, scotland, northern-ireland");
        }
        return new BankHolidays(division, parseSection(section, division));
    }

    private static NavigableMap<LocalDate, BankHoliday> parseSection(JsonNode section, Division division) {
        String where = division.key();
        JsonNode declared = section.get("division");
        if (declared == null || !declared.isTextual() || !declared.asText().equals(division.key())) {
            throw malformed(where + ": \"division\" is " + declared + ", expected \"" + division.key() + "\"");
        }
        JsonNode events = section.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw malformed(where + ": \"events\" must be a non-empty array");
        }
        NavigableMap<LocalDate, BankHoliday> byDate = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            BankHoliday holiday = parseEvent(events.get(i), where + " event #" + (i + 1));
            BankHoliday clash = byDate.put(holiday.date(), holiday);
            if (clash != null) {
                throw malformed(where + ": two events on " + holiday.date() + " (\"" + clash.title()
                        + "\" and \"" + holiday.title() + "\")");
            }
        }
        // A year with no events means a truncated or hand-edited file, not a year without holidays.
        List<Integer> missing = new ArrayList<>();
        for (int year = byDate.firstKey().getYear(); year <= byDate.lastKey().getYear(); year++) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            LocalDate next = byDate.ceilingKey(jan1);
            if (next == null || next.getYear() != year) {
                missing.add(year);
            }
        }
        if (!missing.isEmpty()) {
            throw malformed(where + ": no events for " + missing + " between " + byDate.firstKey().getYear()
                    + " and " + byDate.lastKey().getYear());
        }
        return byDate;
    }

    private static BankHoliday parseEvent(JsonNode event, String where) {
        if (event == null || !event.isObject()) {
            throw malformed(where + ": expected an object with title, date, notes, bunting");
        }
        JsonNode title = event.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            throw malformed(where + ": missing \"title\"");
        }
        JsonNode date = event.get("date");
        if (date == null || !date.isTextual()) {
            throw malformed(where + " (" + title.asText() + "): missing \"date\"");
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date.asText()); // ISO YYYY-MM-DD, as gov.uk publishes
        } catch (DateTimeParseException e) {
            throw malformed(where + " (" + title.asText() + "): date \"" + date.asText() + "\" is not YYYY-MM-DD");
        }
        // notes and bunting do not affect the calendar; tolerate their absence, not a wrong type.
        JsonNode notes = event.get("notes");
        if (notes != null && !notes.isTextual()) {
            throw malformed(where + " (" + title.asText() + "): \"notes\" must be a string");
        }
        JsonNode bunting = event.get("bunting");
        if (bunting != null && !bunting.isBoolean()) {
            throw malformed(where + " (" + title.asText() + "): \"bunting\" must be true or false");
        }
        return new BankHoliday(parsed, title.asText(), notes == null ? "" : notes.asText(),
                bunting != null && bunting.asBoolean());
    }

    private static MalformedBankHolidaysException malformed(String detail) {
        return new MalformedBankHolidaysException("Not a gov.uk bank-holidays.json file: " + detail);
    }

    public Division division() {
        return division;
    }

    /** First calendar year the data covers. */
    public int firstYear() {
        return firstYear;
    }

    /** Last calendar year the data covers; refresh the file well before it ends. */
    public int lastYear() {
        return lastYear;
    }

    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    /**
     * Whether {@code date} is a bank holiday (including substitute days).
     *
     * @throws IllegalStateException if the data does not cover {@code date}'s year
     */
    public boolean isHoliday(LocalDate date) {
        return holidayOn(date).isPresent();
    }

    /**
     * The bank holiday on {@code date}, if any.
     *
     * @throws IllegalStateException if the data does not cover {@code date}'s year
     */
    public Optional<BankHoliday> holidayOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new IllegalStateException("No " + division.key() + " bank holiday data for " + date.getYear()
                    + ": the loaded data covers " + firstYear + "-" + lastYear + ". Refresh it from " + SOURCE_URL
                    + " (see business-calendar/README.md).");
        }
        return Optional.ofNullable(byDate.get(date));
    }

    /** All holidays in date order. */
    public List<BankHoliday> holidays() {
        return List.copyOf(byDate.values());
    }

    @Override
    public String toString() {
        return "BankHolidays[" + division.key() + " " + firstYear + "-" + lastYear + ", " + byDate.size() + " days]";
    }
}
