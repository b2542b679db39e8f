package org.clearpost.publisher.metrics;

import java.time.Instant;
import java.util.UUID;

/** One sample of a published target, as recorded: {@code DUE}, {@code SAMPLING}, {@code SAMPLED} or {@code GIVEN_UP}. */
public record SampleView(UUID id, UUID postId, int version, UUID targetId, String network, String account,
        String externalId, String campaign, Instant publishedAt, String sampleAge, Instant dueAt, String status,
        int attempts, Instant sampledAt, String metrics, String failureReason) {
}
