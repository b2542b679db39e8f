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
 * @param heldBySuspension the emergency stop in force when the post was cleared (null if none): the publisher holds
 *         the post until that suspension is resumed, even if this decision reaches it before the suspension does
 * @param signature clearance's detached JWS over the rest of the event ({@link DecisionSignatures}); the publisher
 *         publishes nothing whose signature does not verify
 */
public record PostCleared(UUID postId, int version, String contentHash, String author, String route,
        String clearedBy, String comment, String text, List<Target> targets, Instant scheduledAt,
        CampaignRef campaign, LiveEventRef liveEvent, ExternalPost replyTo, ExternalPost repostOf,
        Instant clearedAt, UUID heldBySuspension, String signature) implements ClearpostEvent {

    public PostCleared {
        targets = List.copyOf(targets);
    }

    /** A decision taken while no suspension was in force, not signed yet. */
    public PostCleared(UUID postId, int version, String contentHash, String author, String route, String clearedBy,
            String comment, String text, List<Target> targets, Instant scheduledAt, CampaignRef campaign,
            LiveEventRef liveEvent, ExternalPost replyTo, ExternalPost repostOf, Instant clearedAt) {
        this(postId, version, contentHash, author, route, clearedBy, comment, text, targets, scheduledAt, campaign,
                liveEvent, replyTo, repostOf, clearedAt, null, null);
    }

    public PostCleared withHeldBySuspension(UUID suspensionId) {
        return new PostCleared(postId, version, contentHash, author, route, clearedBy, comment, text, targets,
                scheduledAt, campaign, liveEvent, replyTo, repostOf, clearedAt, suspensionId, signature);
    }

    public PostCleared withSignature(String jws) {
        return new PostCleared(postId, version, contentHash, author, route, clearedBy, comment, text, targets,
                scheduledAt, campaign, liveEvent, replyTo, repostOf, clearedAt, heldBySuspension, jws);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
