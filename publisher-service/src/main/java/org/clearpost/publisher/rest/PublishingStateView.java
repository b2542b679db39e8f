package org.clearpost.publisher.rest;

import java.time.Instant;
import org.clearpost.publisher.domain.PublishingSuspension;

/** {@code since}, {@code reason} and {@code suspendedBy} are null while publishing runs. */
public record PublishingStateView(boolean suspended, Instant since, String reason, String suspendedBy) {

    static final PublishingStateView RUNNING = new PublishingStateView(false, null, null, null);

    static PublishingStateView suspended(PublishingSuspension s) {
        return new PublishingStateView(true, s.suspendedAt, s.reason, s.suspendedBy);
    }
}
