package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.Target;

/**
 * What campaign-reports needs of one post event, keyed by post id on its way to the step that keeps each post's
 * targets (drafting's, clearance's and the publisher's topics are each keyed by post id, but a named repartition
 * topic puts them in one partition whatever the topics' partition counts).
 */
record PostFact(Kind kind, int version, String campaign, List<Target> targets, UUID targetId, Network network,
        String account, Instant publishedAt, Map<String, Long> metrics, Instant sampledAt) {

    enum Kind {
        /** PostDrafted or PostCleared: the version's campaign and targets (which of them are corporate shares). */
        VERSION,
        /** PostPublished: one target is live. */
        PUBLISHED,
        /** PostMetricsSampled: one target's engagement. */
        SAMPLE
    }
}
