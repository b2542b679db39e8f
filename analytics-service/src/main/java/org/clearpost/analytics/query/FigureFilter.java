package org.clearpost.analytics.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.time.LondonTime;

/**
 * A request's window and filters, checked: the same on the replica that was asked and on the replicas it asks for
 * their rows. A window is half-open, {@code [from, to)}, in instants; dates are London days, and a {@code to} date
 * includes that whole day.
 *
 * @param from inclusive, or empty for "from the start of the retention"
 * @param to exclusive, or empty for "until now"
 * @param filters query parameter → value, each a parameter the figure has
 */
public record FigureFilter(FigureType type, Optional<Instant> from, Optional<Instant> to, Map<String, String> filters) {

    /**
     * Checks a request against the figure's shape and retention.
     *
     * @param given the filter parameters that were sent (name → value; absent ones left out)
     * @throws ProblemException 400 naming the parameter that is wrong
     */
    public static FigureFilter parse(FigureType type, String from, String to, Map<String, String> given,
            Duration retention, Instant now) {
        FigureShape shape = FigureShape.of(type);
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (!shape.filters().containsKey(name)) {
                throw bad(name, type.figureName() + " cannot be filtered by " + name + "; it takes "
                        + (shape.filters().isEmpty() ? "no filters" : String.join(", ", shape.filters().keySet())));
            }
            Optional<List<String>> allowed = shape.allowedValues(name);
            if (allowed.isPresent() && !allowed.get().contains(value)) {
                throw bad(name, "unknown " + name + " '" + abbreviate(value) + "'; one of " + allowed.get());
            }
            if (value.isEmpty() || value.length() > 200) {
                throw bad(name, name + " must be 1 to 200 characters");
            }
            filters.put(name, value);
        }
        if (shape.timeKind() == FigureShape.TimeKind.NONE && (from != null || to != null)) {
            throw bad(from != null ? "from" : "to", type.figureName() + " is a running total with no time: it takes "
                    + "no from/to");
        }
        Optional<Instant> start = Optional.ofNullable(from).map(value -> instant(shape, "from", value, false));
        Optional<Instant> end = Optional.ofNullable(to).map(value -> instant(shape, "to", value, true));
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw bad("from", "from " + from + " is after to " + to);
        }
        if (start.isPresent()) {
            Duration window = Duration.between(start.get(), end.orElse(now));
            if (window.compareTo(retention) > 0) {
                throw bad("from", "the window from " + from + " to " + (to == null ? "now" : to) + " is "
                        + days(window) + " long, longer than " + type.figureName() + "'s retention of "
                        + days(retention) + " (" + retention + "): rows older than that are not kept");
            }
        }
        return new FigureFilter(type, start, end, Map.copyOf(filters));
    }

    /** Whether a row (as JSON) is inside the window and matches every filter. */
    public boolean matches(JsonNode row) {
        FigureShape shape = FigureShape.of(type);
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            JsonNode value = row.get(shape.filters().get(filter.getKey()));
            if (value == null || value.isNull() || !value.asText().equals(filter.getValue())) {
                return false;
            }
        }
        if (shape.timeField().isEmpty() || (from.isEmpty() && to.isEmpty())) {
            return true;
        }
        JsonNode time = row.get(shape.timeField().get());
        if (time == null || time.isNull()) {
            return false;
        }
        Instant at = shape.timeKind() == FigureShape.TimeKind.DATE
                ? LondonTime.toInstant(LocalDate.parse(time.asText()).atStartOfDay(), shape.timeField().get())
                : Instant.parse(time.asText());
        return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(t -> at.isBefore(t)).orElse(true);
    }

    private static Instant instant(FigureShape shape, String param, String value, boolean end) {
        if (value.length() > 40) {
            throw bad(param, param + " is too long to be a date or time");
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw bad(param, param + " must be in the years 0001-9999");
            }
            // A London day: from its midnight; a "to" day includes itself, so up to the next midnight
            return LondonTime.toInstant((end ? date.plusDays(1) : date).atStartOfDay(), param);
        } catch (DateTimeParseException notADate) {
            if (shape.timeKind() == FigureShape.TimeKind.DATE) {
                throw bad(param, param + " must be a London date like 2026-05-01 for " + shape.type().figureName()
                        + ", was '" + abbreviate(value) + "'");
            }
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(param, param + " must be an ISO instant like 2026-05-01T09:00:00Z or a London date like "
                    + "2026-05-01, was '" + abbreviate(value) + "'");
        }
        if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw bad(param, param + " must be in the years 0001-9999");
        }
        return instant;
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : duration.toHours() + " hours";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    static ProblemException bad(String field, String message) {
        return ProblemException.badRequest(message, List.of(new Problem.Violation(field, message)));
    }
}
