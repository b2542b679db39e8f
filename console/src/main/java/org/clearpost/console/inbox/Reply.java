package org.clearpost.console.inbox;

import org.clearpost.console.web.LondonTime;
import org.clearpost.console.web.Words;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A reply a monitor asked for ({@code GET /replies?mentionId=}): its id is drafting's post id, its state where that
 * post is (requested, drafted, cleared, rejected, changes requested, published, failed, withdrawn).
 *
 * @param detail the clearer's comment, or why publishing failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reply(UUID id, UUID mentionId, String network, String account, String text, String requestedBy,
        Instant requestedAt, String state, int version, String decidedBy, String detail, String url,
        Instant updatedAt) {

    public String getStateShown() {
        return Words.of(state);
    }

    public String getRequested() {
        return LondonTime.shown(requestedAt);
    }

    public String getUpdated() {
        return LondonTime.shown(updatedAt);
    }

    public String getStateTagClass() {
        return switch (state == null ? "" : state) {
            case "PUBLISHED" -> "govuk-tag--green";
            case "CLEARED" -> "govuk-tag--turquoise";
            case "REJECTED", "FAILED" -> "govuk-tag--red";
            case "CHANGES_REQUESTED" -> "govuk-tag--orange";
            case "WITHDRAWN" -> "govuk-tag--grey";
            default -> "govuk-tag--yellow";
        };
    }

    /** What the state means for the monitor, in a sentence. */
    public String getMeaning() {
        return switch (state == null ? "" : state) {
            case "REQUESTED" -> "Drafting is making it a post for clearance.";
            case "DRAFTED" -> "Waiting for a clearer: it is cleared like every post.";
            case "CLEARED" -> "Cleared; the publisher is sending it.";
            case "REJECTED" -> "A clearer rejected it.";
            case "CHANGES_REQUESTED" -> "A clearer asked for changes.";
            case "PUBLISHED" -> "Published on the network.";
            case "FAILED" -> "Publishing failed.";
            case "WITHDRAWN" -> "The post was withdrawn.";
            default -> "";
        };
    }
}
