package org.clearpost.drafting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PostVersionWithdrawn.WithdrawalReason;
import org.clearpost.support.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A post: a base text (and thread) going to one or more targets, each with its own variant, edited in versions and
 * cleared version by version. {@link #status} is the summary of the targets' statuses, kept in step by every method
 * that changes a target.
 */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    /** Target statuses of a version that clearance has, or has passed: editing it withdraws that clearance. */
    private static final Set<TargetStatus> WITH_CLEARANCE = EnumSet.of(TargetStatus.IN_CLEARANCE,
            TargetStatus.CLEARED);
    /** Target statuses that mean publishing has begun: the post can no longer change. */
    private static final Set<TargetStatus> PUBLISHING_BEGUN = EnumSet.of(TargetStatus.PUBLISHED, TargetStatus.FAILED);

    @Id
    public UUID id;

    public String author;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "thread_parts")
    public List<String> threadParts = new ArrayList<>();

    /** Campaign slug, else {@code null}. */
    public String campaign;

    @Column(name = "live_event_id")
    public UUID liveEventId;

    @Column(name = "essential_reason")
    public String essentialReason;

    @Column(name = "reply_to_mention_id")
    public UUID replyToMentionId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "repost_of")
    public PostContent.Repost repostOf;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    public PostStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_comment")
    public String decisionComment;

    // Eager: a post is always shown with its targets, and views are built after the transaction.
    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<PostTarget> targets = new ArrayList<>();

    protected Post() {
    }

    /** A new post at version 1; the caller persists it and its first {@link PostVersion}. */
    public static Post draft(String author, PostContent content, Instant now) {
        return draft(UUID.randomUUID(), author, content, now);
    }

    /** A new post with an id chosen elsewhere: a reply monitoring asked for keeps monitoring's reply id. */
    public static Post draft(UUID id, String author, PostContent content, Instant now) {
        Post post = new Post();
        post.id = id;
        post.author = author;
        post.createdAt = now;
        post.version = 0;
        post.apply(content, now);
        return post;
    }

    /**
     * A new version of the content. A version in clearance or cleared is withdrawn by the edit (the returned event
     * tells clearance and the publisher); once publishing has begun the post can no longer change.
     */
    public Optional<PostVersionWithdrawn> revise(PostContent content, String by, Instant now) {
        if (targets.stream().anyMatch(t -> PUBLISHING_BEGUN.contains(t.status))) {
            throw ProblemException.conflict("Post is " + status,
                    "Publishing of this post has begun (" + status + "); it can no longer be edited");
        }
        Optional<PostVersionWithdrawn> withdrawn = submittedAt != null
                && targets.stream().anyMatch(t -> WITH_CLEARANCE.contains(t.status))
                ? Optional.of(withdrawal(by, WithdrawalReason.EDITED, now))
                : Optional.empty();
        apply(content, now);
        return withdrawn;
    }

    /** Takes the post out of clearance and publishing; the event is returned only if the version was submitted. */
    public Optional<PostVersionWithdrawn> withdraw(String by, Instant now) {
        if (status == PostStatus.WITHDRAWN) {
            throw ProblemException.conflict("Post is WITHDRAWN", "This post has already been withdrawn");
        }
        if (targets.stream().anyMatch(t -> PUBLISHING_BEGUN.contains(t.status))) {
            throw ProblemException.conflict("Post is " + status,
                    "Publishing of this post has begun (" + status + "); it can no longer be withdrawn");
        }
        Optional<PostVersionWithdrawn> withdrawn = submittedAt != null
                ? Optional.of(withdrawal(by, WithdrawalReason.WITHDRAWN, now))
                : Optional.empty();
        targets.forEach(t -> t.status = TargetStatus.WITHDRAWN);
        updatedAt = now;
        refreshStatus();
        return withdrawn;
    }

    private PostVersionWithdrawn withdrawal(String by, WithdrawalReason reason, Instant now) {
        return new PostVersionWithdrawn(id, version, contentHash, by, reason, now);
    }

    private void apply(PostContent content, Instant now) {
        text = content.text();
        threadParts = new ArrayList<>(content.threadParts());
        campaign = content.campaign();
        liveEventId = content.liveEventId();
        essentialReason = content.essentialReason();
        replyToMentionId = content.replyToMentionId();
        repostOf = content.repostOf();
        scheduledAt = content.scheduledAt();
        retarget(content.targets());
        version++;
        contentHash = ContentHash.of(content);
        updatedAt = now;
        submittedAt = null;
        decidedBy = null;
        decisionComment = null;
        refreshStatus();
    }

    /** Keeps the target (and its id) of every account still addressed, so no row is deleted and re-inserted. */
    private void retarget(List<PostContent.TargetContent> wanted) {
        List<PostTarget> kept = new ArrayList<>();
        for (PostContent.TargetContent content : wanted) {
            PostTarget target = targets.stream()
                    .filter(t -> t.network == content.network() && t.account.equals(content.account()))
                    .findFirst()
                    .orElseGet(() -> new PostTarget(this, content.network(), content.account()));
            target.restart(kept.size(), content);
            kept.add(target);
        }
        targets.retainAll(kept);
        kept.stream().filter(t -> !targets.contains(t)).forEach(targets::add);
        targets.sort(Comparator.comparingInt(t -> t.position));
    }

    /** The current version's content, as stored in its {@link PostVersion}. */
    public PostContent content() {
        return new PostContent(text, threadParts, targets.stream().map(PostTarget::content).toList(), campaign,
                liveEventId, essentialReason, replyToMentionId, repostOf, scheduledAt);
    }

    /** Marks this version as sent to clearance; the caller builds the event from the rendered content. */
    public void submit(Instant now) {
        if (status != PostStatus.DRAFT) {
            boolean needsEdit = status == PostStatus.REJECTED || status == PostStatus.CHANGES_REQUESTED
                    || status == PostStatus.WITHDRAWN;
            throw ProblemException.conflict("Post is " + status,
                    "Only a draft can be submitted for clearance; this one is " + status
                            + (needsEdit ? ": edit it to make a new version first" : ""));
        }
        submittedAt = now;
        targets.forEach(t -> t.status = TargetStatus.IN_CLEARANCE);
        refreshStatus();
    }

    /** Clearance decided on a version; a decision on an older version than the current one is stale and ignored. */
    public void decided(int decidedVersion, boolean cleared, String by, String comment) {
        concluded(decidedVersion, cleared ? TargetStatus.CLEARED : TargetStatus.REJECTED, by, comment);
    }

    /** A clearer sent this version back with what to change; the drafter edits it into a new version. */
    public void changesRequested(int requestedVersion, String by, String comment) {
        concluded(requestedVersion, TargetStatus.CHANGES_REQUESTED, by, comment);
    }

    private void concluded(int eventVersion, TargetStatus outcome, String by, String comment) {
        if (eventVersion != version || targets.stream().noneMatch(t -> t.status == TargetStatus.IN_CLEARANCE)) {
            return; // stale, or the version was withdrawn meanwhile
        }
        decidedBy = by;
        decisionComment = comment;
        targets.stream().filter(t -> t.status == TargetStatus.IN_CLEARANCE).forEach(t -> t.status = outcome);
        refreshStatus();
    }

    public void targetPublished(int publishedVersion, UUID targetId, String externalId, String url) {
        target(publishedVersion, targetId).ifPresent(t -> t.published(externalId, url));
        refreshStatus();
    }

    public void targetFailed(int failedVersion, UUID targetId, String reason) {
        target(failedVersion, targetId).ifPresent(t -> t.failed(reason));
        refreshStatus();
    }

    private void refreshStatus() {
        status = PostStatus.summarise(targets.stream().map(t -> t.status).toList());
    }

    private Optional<PostTarget> target(int eventVersion, UUID targetId) {
        if (eventVersion != version) {
            return Optional.empty();
        }
        return targets.stream().filter(t -> t.id.equals(targetId)).findFirst();
    }

    public List<Network> networks() {
        return targets.stream().map(t -> t.network).distinct().toList();
    }
}
