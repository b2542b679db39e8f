package org.clearpost.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;

/**
 * Where one post goes, and exactly what goes there: one account on one network, with the text rendered for that
 * network (override or base text, links tagged), any further thread parts, title, first comment and media.
 *
 * @param text rendered text for this target; {@code null} only in events from before variants existed, when the
 *        post's base text applies (see {@link #textOr(String)})
 * @param threadParts further parts of a thread, each published as a reply to the part before it
 * @param title title where the network has one (YouTube, Flickr, SoundCloud), else {@code null}
 * @param firstComment a comment the body adds under its own post straight after publishing, else {@code null}
 * @param sharesTargetId for a corporate account sharing a campaign post: the target (in the same post) whose
 *        publication this target shares; on X that is a repost, never the same text posted twice
 */
public record Target(UUID targetId, Network network, String account, String text, List<String> threadParts,
        String title, String firstComment, List<MediaItem> media, UUID sharesTargetId) {

    public Target {
        threadParts = threadParts == null ? List.of() : List.copyOf(threadParts);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A plain target: the post's base text, no media, no thread. */
    public Target(UUID targetId, Network network, String account) {
        this(targetId, network, account, null, List.of(), null, null, List.of(), null);
    }

    public String textOr(String postText) {
        return text != null ? text : postText;
    }

    @JsonIgnore
    public boolean isShare() {
        return sharesTargetId != null;
    }
}
