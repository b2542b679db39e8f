package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The live event a quick post covers; such posts may take clearance's expedited path while the event is on, from
 * {@code startsAt} to {@code endsAt}. Both are optional: events written before they were added carry neither.
 */
public record LiveEventRef(UUID liveEventId, String name, String hashtag, Instant startsAt, Instant endsAt) {

    /** A reference without the event's times, as drafting wrote them before clearance needed them. */
    public LiveEventRef(UUID liveEventId, String name, String hashtag) {
        this(liveEventId, name, hashtag, null, null);
    }
}
