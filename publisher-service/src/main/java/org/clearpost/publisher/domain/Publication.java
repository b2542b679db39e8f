package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PublicationFailed;

/** One ledger row: one target of one cleared post version, and how its publication went. */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    public int version;

    @Column(name = "target_id")
    public UUID targetId;

    @Enumerated(EnumType.STRING)
    public Network network;

    public String account;

    @Column(name = "content_hash")
    public String contentHash;

    public String text;

    @Enumerated(EnumType.STRING)
    public PublicationStatus status;

    @Column(name = "due_at")
    public Instant dueAt;

    /** Network calls made so far. */
    public int attempts;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    /** Why it failed; while PENDING after a transient error, why the last attempt did not go through. */
    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** JSON of {@link PublicationContent}; null for a plain post. */
    public String content;

    /** The target of the same post version whose publication this one shares, else null. */
    @Column(name = "shares_target_id")
    public UUID sharesTargetId;

    /** Cleared after its scheduled time and published at once. */
    public boolean late;

    /** Calls of this publication already live on the network: the post, then thread parts, then first comment. */
    @Column(name = "steps_done")
    public int stepsDone;

    /** The id of the last part published: the next thread part answers it. */
    @Column(name = "last_external_id")
    public String lastExternalId;

    /** Why it is not going out now and until when ({@link #dueAt}): a rate budget, an unknown outcome; else null. */
    @Column(name = "wait_reason")
    public String waitReason;

    /**
     * The last call's outcome is unknown: the next claim asks the network what became of it (reconcile) rather than
     * publish again.
     */
    public boolean reconciling;

    /** Reconcile calls made for the current step, for their backoff. */
    @Column(name = "reconcile_tries")
    public int reconcileTries;

    /** When the post itself (the first step) went live: rate budgets count posts from it. */
    @Column(name = "live_at")
    public Instant liveAt;

    protected Publication() {
    }

    /**
     * Marks it PUBLISHING: this step is never claimed again, whatever happens to its call. Only a step the network
     * confirmed puts the publication back to PENDING, for the next step.
     */
    void claim(Instant now) {
        status = PublicationStatus.PUBLISHING;
        // A reconcile call asks what became of the last publish call; it is not one more try at publishing.
        if (reconciling) {
            reconcileTries++;
        } else {
            attempts++;
            waitReason = null;
        }
        claimedAt = now;
        updatedAt = now;
    }

    /**
     * One step is live. The first one is the post itself and gives the publication its id and URL. After the last
     * step the publication is PUBLISHED and the event returned; before it, the next step is due at once, with
     * attempts counted afresh for it.
     */
    Optional<PostPublished> stepPublished(String externalId, URI url, int steps, Instant now) {
        if (stepsDone == 0) {
            this.externalId = externalId;
            this.url = url.toString();
            liveAt = now;
        }
        reconciling = false;
        reconcileTries = 0;
        waitReason = null;
        lastExternalId = externalId;
        stepsDone++;
        failureReason = null;
        updatedAt = now;
        if (stepsDone < steps) {
            status = PublicationStatus.PENDING;
            dueAt = now;
            attempts = 0;
            claimedAt = null;
            return Optional.empty();
        }
        status = PublicationStatus.PUBLISHED;
        publishedAt = now;
        return Optional.of(new PostPublished(postId, version, targetId, network, account, this.externalId, this.url,
                late, now));
    }

    /** Back to PENDING: the network did not publish and may accept the same call at {@code dueAt}. */
    void retryAt(Instant dueAt, String reason, Instant now) {
        status = PublicationStatus.PENDING;
        reconciling = false;
        waitReason = null;
        this.dueAt = dueAt;
        failureReason = reason;
        updatedAt = now;
    }

    /**
     * Back to PENDING, marked reconciling: the last call may or may not have published, and at {@code dueAt} the
     * network is asked which before anything is sent again.
     */
    void reconcileAt(Instant dueAt, String reason, Instant now) {
        status = PublicationStatus.PENDING;
        reconciling = true;
        this.dueAt = dueAt;
        waitReason = reason;
        claimedAt = null;
        updatedAt = now;
    }

    /** Stays PENDING, not claimed: a rate budget of its network is spent until {@code dueAt}. */
    void deferTo(Instant dueAt, String reason, Instant now) {
        this.dueAt = dueAt;
        waitReason = reason;
        updatedAt = now;
    }

    PublicationFailed failed(String reason, Instant now) {
        status = PublicationStatus.FAILED;
        reconciling = false;
        waitReason = null;
        failureReason = reason;
        updatedAt = now;
        return new PublicationFailed(postId, version, targetId, network, account, reason, now);
    }
}
