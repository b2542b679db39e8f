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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One account on one network that a post goes to, its variant of the post, and how far it has got. */
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

    /** Override text for this target, else {@code null}: the post's base text. */
    public String text;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "media_ids")
    public List<UUID> mediaIds = new ArrayList<>();

    @Column(name = "first_comment")
    public String firstComment;

    /** The account of the target (same post, same network) whose publication this one shares, else {@code null}. */
    public String shares;

    @Enumerated(EnumType.STRING)
    public TargetStatus status;

    @Column(name = "external_id")
    public String externalId;

    public String url;

    @Column(name = "failure_reason")
    public String failureReason;

    protected PostTarget() {
    }

    PostTarget(Post post, Network network, String account) {
        this.id = UUID.randomUUID();
        this.post = post;
        this.network = network;
        this.account = account;
        this.status = TargetStatus.DRAFT;
    }

    public PostContent.TargetContent content() {
        return new PostContent.TargetContent(network, account, text, title, mediaIds, firstComment, shares);
    }

    /** A new version starts this target afresh at the given position with its new variant. */
    void restart(int position, PostContent.TargetContent content) {
        this.position = position;
        this.text = content.text();
        this.title = content.title();
        this.mediaIds = new ArrayList<>(content.mediaIds());
        this.firstComment = content.firstComment();
        this.shares = content.shares();
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
