package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/** A saved reply was deleted; replies already written from it keep their text. */
public record SavedReplyDeleted(UUID savedReplyId, String deletedBy, Instant deletedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return savedReplyId.toString();
    }
}
