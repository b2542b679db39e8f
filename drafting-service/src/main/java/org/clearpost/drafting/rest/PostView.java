package org.clearpost.drafting.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.drafting.domain.Post;
import org.clearpost.drafting.domain.PostStatus;
import org.clearpost.drafting.domain.PostTarget;
import org.clearpost.drafting.domain.TargetStatus;
import org.clearpost.events.Network;

/** A post as the web front end shows it, with every target's status. */
public record PostView(UUID id, String author, String text, int version, String contentHash, PostStatus status,
        Instant scheduledAt, Instant createdAt, Instant updatedAt, Instant submittedAt, String decidedBy,
        String decisionComment, List<TargetView> targets) {

    public record TargetView(UUID id, Network network, String account, TargetStatus status, String externalId,
            String url, String failureReason) {

        static TargetView of(PostTarget target) {
            return new TargetView(target.id, target.network, target.account, target.status, target.externalId,
                    target.url, target.failureReason);
        }
    }

    static PostView of(Post post) {
        return new PostView(post.id, post.author, post.text, post.version, post.contentHash, post.status(),
                post.scheduledAt, post.createdAt, post.updatedAt, post.submittedAt, post.decidedBy,
                post.decisionComment, post.targets.stream().map(TargetView::of).toList());
    }
}
