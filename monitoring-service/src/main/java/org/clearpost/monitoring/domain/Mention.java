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
import org.clearpost.events.Network;

/** Someone mentioned or replied to one of the body's accounts; one row per (network, external id). */
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
    public MentionStatus status;

    protected Mention() {
    }
}
