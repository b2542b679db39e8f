package org.clearpost.drafting.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** A post's status, summarised from its targets' statuses so the two can never disagree. */
public enum PostStatus {
    DRAFT, IN_CLEARANCE, CLEARED, REJECTED, PUBLISHING, PUBLISHED, PARTLY_PUBLISHED, FAILED;

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
}
