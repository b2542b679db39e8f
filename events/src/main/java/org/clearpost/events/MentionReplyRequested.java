package org.clearpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A monitor chose to answer a mention (or a whole theme) from the inbox. Drafting makes a draft post with id
 * {@code replyId} that replies to {@code mention}, from {@code account}, starting with {@code text}, owned by
 * {@code requestedBy}; it goes through clearance like every other post (policy 5.1). Keyed by the mention replied to.
 *
 * @param mention    the mention the reply answers on the network (its {@code mentionId} is set)
 * @param account    the body's account that replies
 * @param mentionIds every mention the reply answers (the theme's, or just {@code mention}'s)
 * @param themeId    the theme answered, else null
 * @param text       the starting text (a saved reply, or what the monitor typed)
 */
public record MentionReplyRequested(UUID replyId, ExternalPost mention, String account, List<UUID> mentionIds,
        UUID themeId, String text, String requestedBy, Instant requestedAt) implements ClearpostEvent {

    public MentionReplyRequested {
        mentionIds = List.copyOf(mentionIds);
    }

    @Override
    public String aggregateId() {
        return mention.mentionId().toString();
    }
}
