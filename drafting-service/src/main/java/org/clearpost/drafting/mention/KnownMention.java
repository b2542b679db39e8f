package org.clearpost.drafting.mention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;

/** A mention monitoring reported, kept so that a reply can point at it. */
@Entity
@Table(name = "known_mention")
public class KnownMention extends PanacheEntityBase {

    @Id
    @Column(name = "mention_id")
    public UUID mentionId;

    @Enumerated(EnumType.STRING)
    public Network network;

    @Column(name = "external_id")
    public String externalId;

    /** The body's account that was mentioned. */
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

    static KnownMention of(MentionReceived event) {
        KnownMention mention = new KnownMention();
        mention.mentionId = event.mentionId();
        mention.network = event.network();
        mention.externalId = event.externalId();
        mention.account = event.account();
        mention.authorId = event.authorId();
        mention.authorName = event.authorName();
        mention.text = event.text();
        mention.url = event.url();
        mention.mentionedAt = event.mentionedAt();
        mention.receivedAt = event.receivedAt();
        return mention;
    }

    static KnownMention of(ExternalPost post, String account) {
        KnownMention mention = new KnownMention();
        mention.mentionId = post.mentionId();
        mention.network = post.network();
        mention.externalId = post.externalId();
        mention.account = account;
        mention.authorId = post.author();
        mention.url = post.url();
        return mention;
    }

    public ExternalPost toExternalPost() {
        return new ExternalPost(network, externalId, authorId, url, mentionId);
    }
}
