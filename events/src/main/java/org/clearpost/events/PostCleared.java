package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Communications clearer approved one post version. Carries the cleared content itself, so the publisher
 * publishes exactly what was cleared and never needs to ask drafting for it.
 *
 * @param route the clearance route the case took (e.g. {@code normal}, {@code pre-election}, {@code crisis})
 * @param clearedBy who took the final step; earlier steps are in the audit trail
 */
public record PostCleared(UUID postId, int version, String contentHash, String author, String route,
        String clearedBy, String comment, String text, List<Target> targets, Instant scheduledAt,
        CampaignRef campaign, LiveEventRef liveEvent, ExternalPost replyTo, ExternalPost repostOf,
        Instant clearedAt) implements ClearpostEvent {

    public PostCleared {
        targets = List.copyOf(targets);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
