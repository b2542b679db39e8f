package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved reply (a reusable answer the inbox fills a reply's text from) was created or changed; the latest
 * definition of each is in use until it is deleted.
 *
 * @param text the text, with placeholders such as {@code {author}} filled per mention when a monitor picks it
 */
public record SavedReplyDefined(UUID savedReplyId, String name, String text, String definedBy, Instant definedAt)
        implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return savedReplyId.toString();
    }
}
