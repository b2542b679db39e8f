package org.clearpost.drafting.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.drafting.domain.PostVersion;
import org.clearpost.support.time.LondonTime;

/** One stored version of a post, exactly as it was written. */
public record VersionView(UUID postId, int version, String contentHash, String createdBy, Instant createdAt,
        LocalDateTime scheduledFor, PostContent content) {

    static VersionView of(PostVersion version) {
        return new VersionView(version.postId, version.version, version.contentHash, version.createdBy,
                version.createdAt, LondonTime.toLocal(version.content.scheduledAt()), version.content);
    }
}
