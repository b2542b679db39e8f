package org.clearpost.console.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Clearance's answers as the lead's screens read them (its {@code /pre-election}, {@code /crisis-mode},
 * {@code /publishing/suspension} and {@code /clearers} views), with the London times each screen shows. Unknown
 * fields are ignored: clearance may add to its views without breaking these screens.
 */
public final class ClearanceViews {

    private ClearanceViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(UUID id, String name, String kind, String scope, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String declaredBy, Instant declaredAt, boolean cancelled, String cancelledBy, String cancelReason,
            Instant cancelledAt) {

        /** Cancelled, upcoming, in force or ended, at {@code now}. */
        String state(Instant now) {
            if (cancelled) {
                return "Cancelled";
            }
            if (now.isBefore(startsAt.toInstant())) {
                return "Upcoming";
            }
            return now.isBefore(endsAt.toInstant()) ? "In force" : "Ended";
        }

        public String getStarts() {
            return LondonDates.show(startsAt);
        }

        public String getEnds() {
            return LondonDates.show(endsAt);
        }

        public String getCancelledOn() {
            return LondonDates.show(cancelledAt);
        }
    }

    /** A period as its table row shows it. */
    public record PeriodRow(Period period, String state) {

        public boolean isChangeable() {
            return !period.cancelled();
        }

        public String getTagClass() {
            return switch (state) {
                case "In force" -> "govuk-tag--red";
                case "Upcoming" -> "govuk-tag--blue";
                default -> "govuk-tag--grey";
            };
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exemption(UUID id, UUID periodId, UUID caseId, UUID postId, int version, String grantedBy,
            String essentialReason, String comment, Instant grantedAt) {

        public String getGranted() {
            return LondonDates.show(grantedAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String network, String account, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Crisis(UUID id, String startedBy, String reason, Instant startedAt, String endedBy, String endReason,
            Instant endedAt) {

        public String getStarted() {
            return LondonDates.show(startedAt);
        }

        public String getEnded() {
            return LondonDates.show(endedAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CrisisState(boolean on, Crisis current, List<Crisis> history) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suspension(UUID id, String suspendedBy, String reason, Instant suspendedAt, String resumedBy,
            String resumeReason, Instant resumedAt) {

        public String getSuspended() {
            return LondonDates.show(suspendedAt);
        }

        public String getResumed() {
            return LondonDates.show(resumedAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuspensionState(boolean suspended, Suspension current, List<Suspension> history) {
    }

    /** The publisher's own view of the stop ({@code GET /publishing/state}): whether it is holding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublisherState(boolean suspended, Instant since, String reason, String suspendedBy) {

        /** Not {@code getSince}: Qute would take the record's own {@code since()} first. */
        public String getSinceShown() {
            return LondonDates.show(since);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OnDuty(String username, boolean onDuty, Instant changedAt) {

        public String getChanged() {
            return LondonDates.show(changedAt);
        }
    }

    /** A body for clearance's reason-taking calls (crisis mode, a period's end, the stop and its lifting). */
    public record Reason(String reason) {
    }
}
