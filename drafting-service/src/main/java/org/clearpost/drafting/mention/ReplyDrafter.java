package org.clearpost.drafting.mention;

import org.clearpost.events.MentionReplyRequested;

/**
 * Drafts and submits the reply a monitor asked for. Implemented where posts are made ({@code domain}), which already
 * depends on this package for the mentions replies name; an interface here keeps that dependency one way.
 */
public interface ReplyDrafter {

    /** In the consumer's transaction; a reply already drafted (the same request read twice) is left as it is. */
    void draft(MentionReplyRequested request);
}
