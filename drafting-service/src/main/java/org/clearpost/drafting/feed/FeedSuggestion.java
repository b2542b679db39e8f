package org.clearpost.drafting.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A new item of one of the body's feeds, offered as the start of a post until used or dismissed. */
@Entity
@Table(name = "feed_suggestion")
public class FeedSuggestion extends PanacheEntityBase {

    public enum Status {
        NEW, USED, DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "feed_name")
    public String feedName;

    @Column(name = "item_key")
    public String itemKey;

    public String title;

    public String summary;

    public String link;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "found_at")
    public Instant foundAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The post drafted from it, once used. */
    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "decided_by")
    public String decidedBy;
}
