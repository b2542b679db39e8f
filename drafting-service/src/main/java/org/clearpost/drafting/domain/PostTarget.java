package org.clearpost.drafting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.Target;

/** One account on one network that a post goes to, and how far it has got. */
@Entity
@Table(name = "post_target")
public class PostTarget extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    public int position;

    @Enumerated(EnumType.STRING)
    public Network network;

    public String account;

    @Enumerated(EnumType.STRING)
    public TargetStatus status;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    @Column(name = "failure_reason")
    public String failureReason;

    protected PostTarget() {
    }

    PostTarget(Post post, int position, Network network, String account) {
        this.id = UUID.randomUUID();
        this.post = post;
        this.position = position;
        this.network = network;
        this.account = account;
        this.status = TargetStatus.DRAFT;
    }

    public Target toEvent() {
        return new Target(id, network, account);
    }

    /** A new version starts this target afresh at the given position. */
    void restart(int position) {
        this.position = position;
        this.status = TargetStatus.DRAFT;
        this.externalId = null;
        this.url = null;
        this.failureReason = null;
    }

    void published(String externalId, String url) {
        this.status = TargetStatus.PUBLISHED;
        this.externalId = externalId;
        this.url = url;
        this.failureReason = null;
    }

    void failed(String reason) {
        this.status = TargetStatus.FAILED;
        this.failureReason = reason;
    }
}
