package org.clearpost.monitoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;

/**
 * Someone mentioned or replied to one of the body's accounts, or wrote something a tracked query matches; one row per
 * (network, external id), whatever other ids it is known by (mention_seen_id). Written by the pipeline's set-based
 * insert (MentionStore), read here.
 */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Network network;

    @Column(name = "external_id")
    public String externalId;

    public String account;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    public String text;

    public String url;

    @Column(name = "mentioned_at")
    public Instant mentionedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public MentionState status;

    /** Whether it names one of the body's own accounts ({@code account} is then that account). */
    @Column(name = "own_account")
    public boolean ownAccount;

    /** The tracked queries it matched when it was stored. */
    @Column(name = "matched_queries")
    public UUID[] matchedQueries;

    @Column(name = "author_handle")
    public String authorHandle;

    public String lang;

    /** When the network delivered it (null for mentions stored before the pipeline). */
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    protected Mention() {
    }
}
