package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.AccountRef;
import org.clearpost.events.Network;

/**
 * What the campaign step reads, keyed by campaign slug: either the campaign's definition or one post's published
 * targets in it (which replace whatever that post contributed before; an empty list takes the post out of the
 * campaign, when a later version moved it to another).
 */
record CampaignInput(Definition definition, PostLines post) {

    record Definition(String slug, String name, LocalDate startsOn, LocalDate endsOn, List<AccountRef> accounts,
            Instant asOf) {
    }

    /** @param asOf the latest event time of the post's events reflected in these lines */
    record PostLines(UUID postId, List<Line> lines, Instant asOf) {
    }

    /** One published target with its latest sample's figures. */
    record Line(UUID targetId, Network network, String account, boolean share, Instant publishedAt,
            Map<String, Long> metrics) {
    }
}
