package org.clearpost.monitoring.reply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;

/**
 * A reply asked for in the inbox; its {@code id} is also drafting's post id.
 *
 * @param mentionId  the mention it answers on the network
 * @param mentionIds every mention it answers (a theme's open mentions, or just {@code mentionId})
 * @param version    the post version {@code state} belongs to (0 before drafting submitted one)
 * @param decidedBy  who cleared, rejected or sent back the version
 * @param detail     the clearer's comment, or why publishing failed
 */
public record Reply(UUID id, UUID mentionId, List<UUID> mentionIds, UUID themeId, Network network, String account,
        String text, String requestedBy, Instant requestedAt, ReplyState state, int version, String decidedBy,
        String detail, String externalId, String url, Instant updatedAt) {

    public Reply {
        mentionIds = List.copyOf(mentionIds);
    }
}
