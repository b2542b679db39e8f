package org.clearpost.monitoring.reply;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A monitor's request to answer a mention, or every open mention of a theme: exactly one of {@code mentionId} and
 * {@code themeId}.
 *
 * @param account the body's account that replies; by default the account the mention named
 * @param text         the reply's starting text; drafting checks it against the network's rules
 * @param savedReplyId a saved reply to start from instead of {@code text}, its placeholders filled for the mention
 */
public record ReplyRequest(
        UUID mentionId,
        UUID themeId,
        @Size(max = 200) String account,
        @Size(max = ReplyRequest.MAX_TEXT) String text,
        UUID savedReplyId) {

    /** Characters; the longest any network takes in one post is far less, drafting says which. */
    public static final int MAX_TEXT = 5000;
}
