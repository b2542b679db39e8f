package org.clearpost.clearance.preelection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.impartiality.PolicyTerms;
import org.clearpost.events.PostDrafted;

/** What a pre-election period forbids (policy 3.4). Pure, so each rule is tested on its own. */
public final class PurdahRules {

    private PurdahRules() {
    }

    /**
     * Why {@code drafted} may not be cleared while the period {@code [startsAt, endsAt)} is in force; empty if it may
     * (then only as an exemption, for its essential reason). {@code drafted} is null for a case opened before the
     * drafted event was kept: it has no essential reason, so it is refused.
     */
    public static List<String> refusals(PostDrafted drafted, String periodName, Instant startsAt, Instant endsAt,
            PolicyTerms terms) {
        List<String> reasons = new ArrayList<>();
        if (drafted == null || drafted.essentialReason() == null || drafted.essentialReason().isBlank()) {
            reasons.add("during the pre-election period \"" + periodName
                    + "\" only posts with an essential reason may be cleared");
        }
        if (drafted == null) {
            return reasons;
        }
        if (terms.isPartyPolitical(drafted.repostOf())) {
            reasons.add("reposts of party-political accounts are not allowed during a pre-election period ("
                    + drafted.repostOf().author() + ")");
        }
        if (drafted.campaign() != null && drafted.campaign().startsOn() != null
                && startsWithin(drafted.campaign().startsOn(), startsAt, endsAt)) {
            reasons.add("campaign \"" + drafted.campaign().name() + "\" starts on " + drafted.campaign().startsOn()
                    + ", inside the pre-election period: new campaigns cannot start until it ends");
        }
        return reasons;
    }

    /** Campaign dates are London dates; a campaign starting on the period's first or last day starts inside it. */
    static boolean startsWithin(LocalDate startsOn, Instant startsAt, Instant endsAt) {
        LocalDate first = startsAt.atZone(OfficeHours.LONDON).toLocalDate();
        LocalDate last = endsAt.minusNanos(1).atZone(OfficeHours.LONDON).toLocalDate();
        return !startsOn.isBefore(first) && !startsOn.isAfter(last);
    }
}
