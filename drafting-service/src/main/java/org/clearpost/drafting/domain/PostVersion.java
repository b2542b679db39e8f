package org.clearpost.drafting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a post exactly as it was written, kept for good: the version a clearer cleared can always be read
 * back. Hibernate never updates it, and the database refuses updates too (a trigger).
 */
@Entity
@Immutable
@Table(name = "post_version")
public class PostVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public PostContent content;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    protected PostVersion() {
    }

    static PostVersion of(Post post, PostContent content, String by) {
        PostVersion version = new PostVersion();
        version.id = UUID.randomUUID();
        version.postId = post.id;
        version.version = post.version;
        version.contentHash = post.contentHash;
        version.content = content;
        version.createdBy = by;
        version.createdAt = post.updatedAt;
        return version;
    }
}
