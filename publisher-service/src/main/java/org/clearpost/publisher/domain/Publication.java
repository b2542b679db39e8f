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

    protected Publication() {
    }

    /** Marks it PUBLISHING: from here on it is never claimed again, whatever happens to the call. */
    void claim(Instant now) {
        status = PublicationStatus.PUBLISHING;
        attempts++;
        claimedAt = now;
        updatedAt = now;
    }

    PostPublished published(String externalId, URI url, Instant now) {
        status = PublicationStatus.PUBLISHED;
        this.externalId = externalId;
        this.url = url.toString();
        failureReason = null;
        publishedAt = now;
        updatedAt = now;
        return new PostPublished(postId, version, targetId, network, account, externalId, this.url, false, now);
    }

    /** Back to PENDING: the network did not publish and may accept the same call at {@code dueAt}. */
    void retryAt(Instant dueAt, String reason, Instant now) {
        status = PublicationStatus.PENDING;
        this.dueAt = dueAt;
        failureReason = reason;
        updatedAt = now;
    }

    PublicationFailed failed(String reason, Instant now) {
        status = PublicationStatus.FAILED;
        failureReason = reason;
        updatedAt = now;
        return new PublicationFailed(postId, version, targetId, network, account, reason, now);
    }
}
