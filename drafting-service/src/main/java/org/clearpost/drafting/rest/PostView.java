package org.clearpost.drafting.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.clearpost.drafting.domain.Assessment;
import org.clearpost.drafting.domain.ContentIssue;
import org.clearpost.drafting.domain.Post;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.drafting.domain.PostStatus;
import org.clearpost.drafting.domain.PostTarget;
import org.clearpost.drafting.domain.RenderedTarget;
import org.clearpost.drafting.domain.TargetStatus;
import org.clearpost.events.Network;
import org.clearpost.support.time.LondonTime;

/**
 * A post as the web front end shows it, with every target's variant and status. A single post (create, edit, get,
 * submit) also carries what each target will publish ({@code rendered}), its {@code problems} (network rules and
 * blocking checks as {@code ERROR}, notes as {@code INFO}) and {@code warnings}; in lists those are left out.
 * {@code scheduledAt} is the instant, {@code scheduledFor} the same in Europe/London wall-clock time.
 */
public record PostView(UUID id, String author, String text, List<String> threadParts, int version,
        String contentHash, PostStatus status, String campaign, UUID liveEventId, String essentialReason,
        UUID replyToMentionId, PostContent.Repost repostOf, Instant scheduledAt, LocalDateTime scheduledFor,
        Instant createdAt, Instant updatedAt, Instant submittedAt, String decidedBy, String decisionComment,
        List<TargetView> targets, List<ContentIssue> problems, List<ContentIssue> warnings) {

    public record TargetView(UUID id, Network network, String account, String text, String title,
            List<UUID> mediaIds, String firstComment, String shares, TargetStatus status, String externalId,
            String url, String failureReason, Rendered rendered) {
    }

    /** What the target will publish: texts with own-site links tagged, the thread as this network gets it. */
    public record Rendered(String text, List<String> threadParts, String title, String firstComment) {
    }

    static PostView of(Post post, Instant now) {
        return of(post, null, now);
    }

    static PostView of(Post post, Assessment assessment, Instant now) {
        List<TargetView> targets = post.targets.stream().map(t -> target(t, assessment, post.scheduledAt, now))
                .toList();
        return new PostView(post.id, post.author, post.text, List.copyOf(post.threadParts), post.version,
                post.contentHash, post.status.shown(post.scheduledAt, now), post.campaign, post.liveEventId,
                post.essentialReason, post.replyToMentionId, post.repostOf, post.scheduledAt,
                LondonTime.toLocal(post.scheduledAt), post.createdAt, post.updatedAt, post.submittedAt,
                post.decidedBy, post.decisionComment, targets,
                assessment == null ? null : assessment.problems(),
                assessment == null ? null : assessment.warnings());
    }

    private static TargetView target(PostTarget target, Assessment assessment, Instant scheduledAt, Instant now) {
        Rendered rendered = assessment == null ? null : assessment.targets().stream()
                .filter(r -> r.targetId().equals(target.id)).findFirst().map(PostView::rendered).orElse(null);
        return new TargetView(target.id, target.network, target.account, target.text, target.title,
                List.copyOf(target.mediaIds), target.firstComment, target.shares,
                target.status.shown(scheduledAt, now), target.externalId, target.url, target.failureReason,
                rendered);
    }

    private static Rendered rendered(RenderedTarget target) {
        return new Rendered(target.text(), target.threadParts(), target.title(), target.firstComment());
    }
}
