package org.clearpost.drafting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.clearpost.support.problem.ProblemException;

/** A post: one text going to one or more targets, edited in versions and cleared version by version. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;

    public String author;

    public String text;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

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

    public static Post draft(String author, PostContent content, Instant now) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.author = author;
        post.createdAt = now;
        post.version = 0;
        post.revise(content, now);
        return post;
    }

    /** A new version of the content; only a post nobody is looking at (draft or rejected) may change. */
    public void revise(PostContent content, Instant now) {
        PostStatus status = status();
        if (version > 0 && status != PostStatus.DRAFT && status != PostStatus.REJECTED) {
            throw ProblemException.conflict("Post is " + status,
                    "Only a draft or a rejected post can be edited; this one is " + status);
        }
        text = content.text();
        scheduledAt = content.scheduledAt();
        retarget(content.destinations());
        version++;
        contentHash = ContentHash.of(content);
        updatedAt = now;
        submittedAt = null;
        decidedBy = null;
        decisionComment = null;
    }

    /** Keeps the target (and its id) of every account still addressed, so no row is deleted and re-inserted. */
    private void retarget(List<PostContent.Destination> destinations) {
        List<PostTarget> kept = new ArrayList<>();
        for (PostContent.Destination destination : destinations) {
            PostTarget target = targets.stream()
                    .filter(t -> t.network == destination.network() && t.account.equals(destination.account()))
                    .findFirst()
                    .orElseGet(() -> new PostTarget(this, 0, destination.network(), destination.account()));
            target.restart(kept.size());
            kept.add(target);
        }
        targets.retainAll(kept);
        kept.stream().filter(t -> !targets.contains(t)).forEach(targets::add);
        targets.sort(Comparator.comparingInt(t -> t.position));
    }

    /** Sends this version to clearance; the returned event goes through the outbox. */
    public PostDrafted submit(Instant now) {
        PostStatus status = status();
        if (status != PostStatus.DRAFT) {
            throw ProblemException.conflict("Post is " + status,
                    "Only a draft can be submitted for clearance; this one is " + status
                            + (status == PostStatus.REJECTED ? ": edit it to make a new version first" : ""));
        }
        submittedAt = now;
        targets.forEach(t -> t.status = TargetStatus.IN_CLEARANCE);
        List<Target> eventTargets = targets.stream().map(PostTarget::toEvent).toList();
        return new PostDrafted(id, version, contentHash, author, text, eventTargets, scheduledAt, null, null, null,
                null, null, List.of(), now);
    }

    /** Clearance decided on a version; a decision on an older version than the current one is stale and ignored. */
    public void decided(int decidedVersion, boolean cleared, String by, String comment) {
        if (decidedVersion != version) {
            return;
        }
        decidedBy = by;
        decisionComment = comment;
        targets.stream().filter(t -> t.status == TargetStatus.IN_CLEARANCE)
                .forEach(t -> t.status = cleared ? TargetStatus.CLEARED : TargetStatus.REJECTED);
    }

    public void targetPublished(int publishedVersion, UUID targetId, String externalId, String url) {
        target(publishedVersion, targetId).ifPresent(t -> t.published(externalId, url));
    }

    public void targetFailed(int failedVersion, UUID targetId, String reason) {
        target(failedVersion, targetId).ifPresent(t -> t.failed(reason));
    }

    public PostStatus status() {
        return PostStatus.summarise(targets.stream().map(t -> t.status).toList());
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
