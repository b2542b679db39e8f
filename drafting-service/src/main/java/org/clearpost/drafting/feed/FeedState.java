package org.clearpost.drafting.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The validators a feed last answered with, sent back so an unchanged feed answers 304 and costs nothing. */
@Entity
@Table(name = "feed_state")
public class FeedState extends PanacheEntityBase {

    @Id
    @Column(name = "feed_name")
    public String feedName;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
}
