package org.clearpost.console.inbox;

import org.clearpost.console.web.LondonTime;
import org.clearpost.console.web.Words;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A mention as monitoring's inbox gives it ({@code GET /inbox}, and {@code GET /inbox/{id}} with its notes and
 * history): only the fields the console shows; monitoring may add more.
 *
 * @param account    the body's account it names; null when it only matched a tracked query (a reply must then name one)
 * @param reasons    triage's reasons to answer (policy 4.1), each with the rule that gave it and why
 * @param notes      colleagues' notes, oldest first (the detail only)
 * @param history    every change, oldest first (the detail only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mention(UUID id, String network, String account, String authorId, String authorName,
        String authorHandle, String text, String url, String lang, Instant mentionedAt, Instant receivedAt,
        String status, String stateReason, Double sentimentScore, String sentimentLabel, List<Reason> reasons,
        String noResponseReason, UUID themeId, String priority, List<String> authorLists, boolean possibleFoi,
        Instant foiDueAt, boolean hidden, List<String> hiddenReasons, Instant dueAt, boolean overdue,
        String assignee, List<String> labels, Claim claim, UUID replyId, Instant answeredAt, List<Note> notes,
        List<HistoryEntry> history) {

    public Mention {
        reasons = reasons == null ? List.of() : reasons;
        authorLists = authorLists == null ? List.of() : authorLists;
        hiddenReasons = hiddenReasons == null ? List.of() : hiddenReasons;
        labels = labels == null ? List.of() : labels;
        notes = notes == null ? List.of() : notes;
        history = history == null ? List.of() : history;
    }

    /** One of triage's reasons: {@code FOI}, {@code COMPLAINT}, ...; the rule that matched; in words, why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String reason, String rule, String why) {
        public String getShown() {
            return Words.of(reason);
        }
    }

    /** Who is answering it, until when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(String holder, Instant expiresAt) {
        public String getUntil() {
            return LondonTime.shown(expiresAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(UUID id, String author, String text, Instant at) {
        public String getWhen() {
            return LondonTime.shown(at);
        }
    }

    /** One audit row: the action, who, the state and owner after it, its detail. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String action, String actor, String state, String assignee, String detail,
            Instant at) {
        public String getWhen() {
            return LondonTime.shown(at);
        }

        public String getActionShown() {
            return Words.of(action);
        }
    }

    /** The author as a person reads them: "A Citizen (@citizen)", or whichever of the two there is. */
    public String getAuthor() {
        boolean named = authorName != null && !authorName.isBlank();
        boolean handled = authorHandle != null && !authorHandle.isBlank();
        if (named && handled) {
            return authorName + " (@" + authorHandle + ")";
        }
        return named ? authorName : handled ? "@" + authorHandle : authorId != null ? authorId : "Unknown author";
    }

    public String getNetworkShown() {
        return Words.network(network);
    }

    public String getStatusShown() {
        return Words.of(status);
    }

    /** GOV.UK tag colour for the state: new ones stand out, finished ones recede. */
    public String getStatusTagClass() {
        return switch (status == null ? "" : status) {
            case "NEW" -> "govuk-tag--blue";
            case "ASSIGNED" -> "govuk-tag--light-blue";
            case "AWAITING_CLEARANCE" -> "govuk-tag--yellow";
            case "ANSWERED" -> "govuk-tag--green";
            default -> "govuk-tag--grey";
        };
    }

    public String getPriorityTagClass() {
        return switch (priority == null ? "" : priority) {
            case "CRITICAL" -> "govuk-tag--red";
            case "HIGH" -> "govuk-tag--orange";
            case "MEDIUM" -> "govuk-tag--yellow";
            default -> "govuk-tag--grey";
        };
    }

    public String getPriorityShown() {
        return priority == null ? "Not triaged" : Words.of(priority);
    }

    public String getReceived() {
        return LondonTime.shown(receivedAt);
    }

    public String getMentioned() {
        return LondonTime.shown(mentionedAt != null ? mentionedAt : receivedAt);
    }

    public String getDue() {
        return LondonTime.shown(dueAt);
    }

    public String getFoiDue() {
        return LondonTime.shown(foiDueAt);
    }

    public String getAnswered() {
        return LondonTime.shown(answeredAt);
    }

    /** The text cut to about a line for the inbox's table; the mention's page shows it whole. */
    public String getSnippet() {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() <= 120 ? t : t.substring(0, t.lastIndexOf(' ', 117) > 60 ? t.lastIndexOf(' ', 117) : 117)
                + "…";
    }

    public String getSentimentShown() {
        if (sentimentLabel == null) {
            return null;
        }
        return Words.of(sentimentLabel) + (sentimentScore == null ? ""
                : String.format(Locale.UK, " (%+.2f)", sentimentScore));
    }

    /** Whether a reply can be asked for now: monitoring refuses one while another is in clearance or it is finished. */
    public boolean isAnswerable() {
        return "NEW".equals(status) || "ASSIGNED".equals(status);
    }

    public boolean isOpen() {
        return "NEW".equals(status) || "ASSIGNED".equals(status);
    }
}
