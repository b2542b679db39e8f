package org.clearpost.clearance.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * The half-open period {@code [from, to)} of a FOI export. At most one (calendar, UTC) year, so one request cannot ask
 * the service to assemble the whole history at once.
 */
public record ExportPeriod(Instant from, Instant to) {

    /** Parses ISO-8601 instants; a 400 problem names each field that is missing or wrong. */
    public static ExportPeriod parse(String from, String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant start = instant("from", from, violations);
        Instant end = instant("to", to, violations);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(new Problem.Violation("to", "must be after from"));
            } else if (end.isAfter(start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant())) {
                violations.add(new Problem.Violation("to", "must be at most one year after from"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The export period is not valid", violations);
        }
        return new ExportPeriod(start, end);
    }

    private static Instant instant(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z"));
            return null;
        }
    }
}
