package org.clearpost.publisher.network;

import java.util.List;
import org.clearpost.events.MediaItem;

/** One call's worth of publishing: what a connector is asked to put on its network. */
public sealed interface PublishStep {

    /**
     * A post of the account's own, with its media; {@code title} where the network has one (YouTube, Flickr,
     * SoundCloud: drafting's target title), else null.
     */
    record Post(String text, List<MediaItem> media, String title) implements PublishStep {

        public Post(String text, List<MediaItem> media) {
            this(text, media, null);
        }
    }

    /**
     * An answer to a post already on the network: a thread part, a first comment, a reply to a mention. X: a post
     * in reply to {@code parentId}; Graph: a comment on the object {@code parentId}.
     */
    record Reply(String text, List<MediaItem> media, String parentId) implements PublishStep {
    }

    /**
     * Shares a post already on the network. X: a repost when {@code text} is null (never the same text posted again),
     * else a quote post; Graph: a Page post linking to {@code postUrl}, with {@code text} as its message.
     */
    record Share(String text, String postId, String postUrl) implements PublishStep {
    }
}
