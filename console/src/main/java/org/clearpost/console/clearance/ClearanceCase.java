package org.clearpost.console.clearance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clearance case as clearance-service's {@code GET /clearances[/{id}]} gives it (its {@code CaseView}), reduced to
 * what the clearer's screens show. Unknown fields are ignored, so clearance can grow without breaking the console.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClearanceCase(UUID id, UUID postId, int version, String author, String text, List<Target> targets,
        Instant scheduledAt, Instant submittedAt, String status, String decidedBy, String decisionComment,
        Instant decidedAt, Campaign campaign, LiveEvent liveEvent, String essentialReason, ExternalPost replyTo,
        ExternalPost repostOf, List<Warning> warnings, List<Flag> flags, Route route, Instant dueAt, boolean overdue,
        Instant overdueAt) {

    /** The route clearance calls {@code pre-election}: every case in a pre-election period takes it. */
    static final String PRE_ELECTION_ROUTE = "pre-election";

    /** The flag clearance raises for names of parties and candidates during a pre-election period. */
    static final String PRE_ELECTION_FLAG = "pre-election-names";

    public ClearanceCase {
        targets = targets == null ? List.of() : List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** One target with the text exactly as its network will get it (drafting rendered it before submission). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(UUID targetId, String network, String account, String text, List<String> threadParts,
            String title, String firstComment, List<Media> media, UUID sharesTargetId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(UUID mediaId, String kind, String contentType, String altText, String caption) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Campaign(String slug, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LiveEvent(String name, String hashtag) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExternalPost(String network, String author, String url) {
    }

    /** A content-principle check the draft did not pass; {@code targetId} null for the post as a whole. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Warning(UUID targetId, String check, String message) {
    }

    /** Something the impartiality or pre-election checks want the clearer to weigh; never blocks on its own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String kind, String clause, List<String> terms, String message) {

        public Flag {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }

        public boolean isPreElection() {
            return PRE_ELECTION_FLAG.equals(kind);
        }

        /** The flag's kind as people say it: "Party", "Politician", ... */
        public String getLabel() {
            return switch (kind == null ? "" : kind) {
                case "party" -> "Party";
                case "politician" -> "Politician";
                case "commercial-product" -> "Commercial product";
                case "party-political-repost" -> "Party-political repost";
                case PRE_ELECTION_FLAG -> "Pre-election names";
                default -> kind;
            };
        }
    }

    /** The route, why it was chosen, the steps taken and those still to take. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(String name, String reason, List<StepTaken> stepsTaken, List<Step> remainingSteps) {

        public Route {
            stepsTaken = stepsTaken == null ? List.of() : List.copyOf(stepsTaken);
            remainingSteps = remainingSteps == null ? List.of() : List.copyOf(remainingSteps);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepTaken(String step, String role, String takenBy, String comment, Instant takenAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String name, String role) {
    }

    public String routeName() {
        return route == null ? null : route.name();
    }

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    /** Flags about impartiality (parties, politicians, products, party-political reposts). */
    public List<Flag> impartialityFlags() {
        return flags.stream().filter(f -> !f.isPreElection()).toList();
    }

    /** Whether the pre-election rules apply: the case took the pre-election route or named parties in one. */
    public boolean isPreElection() {
        return PRE_ELECTION_ROUTE.equals(routeName()) || flags.stream().anyMatch(Flag::isPreElection);
    }

    /** The status as the clearer's screens name it. */
    public String statusLabel() {
        return switch (status == null ? "" : status) {
            case "PENDING" -> "Waiting";
            case "CLEARED" -> "Approved";
            case "REJECTED" -> "Rejected";
            case "CHANGES_REQUESTED" -> "Changes requested";
            case "WITHDRAWN" -> "Withdrawn";
            default -> status;
        };
    }

    /** The GOV.UK tag colour for the status. */
    public String statusTagClass() {
        return switch (status == null ? "" : status) {
            case "PENDING" -> "govuk-tag--blue";
            case "CLEARED" -> "govuk-tag--green";
            case "REJECTED" -> "govuk-tag--red";
            case "CHANGES_REQUESTED" -> "govuk-tag--yellow";
            default -> "govuk-tag--grey";
        };
    }
}
