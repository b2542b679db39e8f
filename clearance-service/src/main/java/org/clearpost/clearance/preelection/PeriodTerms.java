package org.clearpost.clearance.preelection;

import java.time.Instant;

/** What a lead declares about a pre-election period. */
public record PeriodTerms(String name, String kind, String scope, Instant startsAt, Instant endsAt) {
}
