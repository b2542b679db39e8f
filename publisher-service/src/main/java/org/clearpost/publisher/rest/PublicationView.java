package org.clearpost.publisher.rest;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.domain.Publication;
import org.clearpost.publisher.domain.PublicationStatus;

/**
 * One ledger row as people see it: the text only as a preview, since drafting holds the post itself. {@code held}: it
 * is PENDING while publishing is suspended, so it will not go out, even when due, until publishing is resumed.
 * {@code stepsDone}: calls already live (post, thread parts, first comment); {@code late}: cleared after its
 * scheduled time and published at once. {@code waitReason}: why a PENDING one is not going out now and what it waits
 * for until {@code dueAt} (a spent rate budget, an unknown outcome being found out from the network); else null.
 */
public record PublicationView(UUID id, UUID postId, int version, UUID targetId, Network network, String account,
        String contentHash, String textPreview, PublicationStatus status, boolean held, Instant dueAt, int attempts,
        String externalId, String url, String failureReason, Instant createdAt, Instant updatedAt,
        Instant publishedAt, boolean late, int stepsDone, UUID sharesTargetId, String waitReason) {

    static final int PREVIEW_LENGTH = 80;

    static PublicationView of(Publication p, boolean publishingSuspended) {
        return new PublicationView(p.id, p.postId, p.version, p.targetId, p.network, p.account, p.contentHash,
                preview(p.text), p.status, publishingSuspended && p.status == PublicationStatus.PENDING, p.dueAt,
                p.attempts, p.externalId, p.url, p.failureReason, p.createdAt, p.updatedAt, p.publishedAt, p.late,
                p.stepsDone, p.sharesTargetId, p.waitReason);
    }

    static String preview(String text) {
        if (text.codePointCount(0, text.length()) <= PREVIEW_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
    }
}
