package org.clearpost.drafting.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;

/** One uploaded media file: what its bytes are, their checksum, and the words that go with it. */
@Entity
@Table(name = "media")
public class Media extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public MediaKind kind;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Lowercase hex SHA-256 of the stored bytes. */
    public String sha256;

    public Integer width;

    public Integer height;

    @Column(name = "original_filename")
    public String originalFilename;

    @Column(name = "alt_text")
    public String altText;

    public String caption;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public MediaItem toItem(String publicBaseUrl) {
        return new MediaItem(id, kind, contentType, sizeBytes, sha256, altText, caption, contentUrl(publicBaseUrl));
    }

    public String contentUrl(String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return base + "/media/" + id + "/content";
    }
}
