package org.clearpost.console.clearance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Everything clearance's audit log recorded about one post ({@code GET /audit/posts/{postId}}, open to leads and
 * admins), in chain order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditTrail(List<Entry> entries) {

    public AuditTrail {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(long seq, Instant occurredAt, String actor, String action, Integer version) {

        /** {@code CASE_APPROVED} as "Case approved". */
        public String getWhat() {
            if (action == null || action.isEmpty()) {
                return "";
            }
            String words = action.toLowerCase(Locale.ROOT).replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        public String getWhen() {
            return Due.london(occurredAt);
        }
    }
}
