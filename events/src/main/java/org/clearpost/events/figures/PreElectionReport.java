package org.clearpost.events.figures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to posts during one pre-election period: how many versions were drafted (submitted while it was in
 * force), routed under its rules, refused by them or rejected, cleared as exemptions (each with the reason) and
 * published.
 */
public record PreElectionReport(UUID periodId, String name, String kind, String scope, Instant startsAt,
        Instant endsAt, boolean cancelled, long drafted, long routed, long refused, long rejected, long published,
        List<Exemption> exemptions, List<Refusal> refusals, Instant asOf) implements Figure {

    public PreElectionReport {
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    public record Exemption(UUID postId, int version, String essentialReason, String grantedBy, String comment,
            Instant grantedAt) {
    }

    public record Refusal(UUID postId, int version, List<String> refusals, String attemptedBy, Instant refusedAt) {
    }

    @Override
    public String key() {
        return periodId.toString();
    }
}
