package org.clearpost.drafting.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A post's status, summarised from its targets' statuses so the two can never disagree. The summary is also stored
 * in {@code post.status} whenever a target changes, so that listing filters on it before paging. {@code SCHEDULED}
 * is never stored: it is {@code CLEARED} with a publication time still ahead.
 */
public enum PostStatus {
    DRAFT, IN_CLEARANCE, CHANGES_REQUESTED, CLEARED, SCHEDULED, REJECTED, PUBLISHING, PUBLISHED, PARTLY_PUBLISHED,
    FAILED, WITHDRAWN;

    static PostStatus summarise(Collection<TargetStatus> targets) {
        Set<TargetStatus> statuses = targets.isEmpty() ? EnumSet.of(TargetStatus.DRAFT) : EnumSet.copyOf(targets);
        if (statuses.size() == 1) {
            return valueOf(statuses.iterator().next().name());
        }
        if (statuses.contains(TargetStatus.CLEARED)) {
            return PUBLISHING; // cleared targets still waiting for the publisher
        }
        if (statuses.contains(TargetStatus.PUBLISHED)) {
            return PARTLY_PUBLISHED;
        }
        return FAILED;
    }

    /** The status as shown at {@code now}: cleared with a future publication time is scheduled. */
    public PostStatus shown(Instant scheduledAt, Instant now) {
        return this == CLEARED && scheduledAt != null && scheduledAt.isAfter(now) ? SCHEDULED : this;
    }
}
