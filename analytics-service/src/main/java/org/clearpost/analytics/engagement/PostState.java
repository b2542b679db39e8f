package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.Network;

/**
 * What campaign-reports keeps of one post: its campaign (from its highest version seen, else from its samples), and
 * each target as far as it is known.
 *
 * @param version the version the campaign and shares come from; 0 until a PostDrafted or PostCleared is read
 * @param asOf    the latest event time of the post's events reflected
 */
record PostState(String campaign, int version, Map<String, TargetState> targets, Instant asOf) {

    /** @param share a corporate account sharing another target's publication ({@code Target.sharesTargetId}) */
    record TargetState(UUID targetId, Network network, String account, boolean share, Instant publishedAt,
            Instant sampledAt, Map<String, Long> metrics) {
    }
}
