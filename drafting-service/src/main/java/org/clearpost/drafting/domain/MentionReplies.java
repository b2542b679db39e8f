package org.clearpost.drafting.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.clearpost.drafting.mention.ReplyDrafter;
import org.clearpost.events.MentionReplyRequested;

/** Makes the reply a monitor asked for into a post on the mention's network, from the account the monitor chose. */
@ApplicationScoped
public class MentionReplies implements ReplyDrafter {

    private final PostService posts;

    public MentionReplies(PostService posts) {
        this.posts = posts;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void draft(MentionReplyRequested request) {
        PostContent content = new PostContent(request.text(), List.of(), List.of(PostContent.TargetContent.plain(
                request.mention().network(), request.account())), null, null, null, request.mention().mentionId(),
                null, null);
        posts.draftReply(request.replyId(), request.requestedBy(), content);
    }
}
