package org.clearpost.clearance.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Audit entries as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they must be, details as JSON. */
public final class AuditCsv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final String CRLF = "\r\n";
    private static final List<String> HEADER = List.of("seq", "id", "occurred_at", "actor", "action", "post_id",
            "version", "details", "prev_hash", "hash");

    private AuditCsv() {
    }

    public static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(row(HEADER.stream()));
        entries.forEach(e -> csv.append(row(Stream.of(e.seq(), e.id(), e.occurredAt(), e.actor(), e.action(),
                e.postId(), e.version(), AuditHash.canonical(e.details()), e.prevHash(), e.hash()))));
        return csv.toString();
    }

    /** A field is quoted if it holds a comma, a quote or a line break; quotes inside are doubled. Null is empty. */
    static String field(Object value) {
        String text = Objects.toString(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String row(Stream<?> fields) {
        return fields.map(AuditCsv::field).collect(Collectors.joining(",", "", CRLF));
    }
}
