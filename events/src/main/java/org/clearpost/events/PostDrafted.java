package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post version was submitted for clearance. The content hash binds a clearance to this exact version; the targets
 * carry what each network will get, so the clearer sees the post as it will appear.
 *
 * @param campaign the campaign the post belongs to, else {@code null}
 * @param liveEvent the live event it is a quick post for, else {@code null}
 * @param essentialReason why the post is essential in a pre-election period, else {@code null} (not essential)
 * @param replyTo the mention this post answers, else {@code null}
 * @param repostOf another account's post this shares, else {@code null}
 * @param warnings content-principle warnings for the clearer
 */
public record PostDrafted(UUID postId, int version, String contentHash, String author, String text,
        List<Target> targets, Instant scheduledAt, CampaignRef campaign, LiveEventRef liveEvent,
        String essentialReason, ExternalPost replyTo, ExternalPost repostOf, List<ContentWarning> warnings,
        Instant submittedAt) implements ClearpostEvent {

    public PostDrafted {
        targets = List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
