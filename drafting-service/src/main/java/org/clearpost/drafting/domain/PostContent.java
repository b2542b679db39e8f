package org.clearpost.drafting.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;

/**
 * One version of a post as its drafter wrote it: the base text, any further thread parts, where it goes with each
 * target's own variant, what it belongs to or answers, and when it goes out. Stored as it is in the version history;
 * what each network gets is rendered from it ({@link Renderer}).
 *
 * @param threadParts further parts published as a reply chain under the first
 * @param campaign campaign slug, else {@code null}
 * @param liveEventId the live event this is a quick post for, else {@code null}
 * @param essentialReason why the post is essential in a pre-election period, else {@code null}
 * @param replyToMentionId the mention (monitoring's id) this post answers, else {@code null}
 * @param repostOf another account's post this shares, else {@code null}
 * @param scheduledAt when it is to be published, else as soon as cleared
 */
public record PostContent(String text, List<String> threadParts, List<TargetContent> targets, String campaign,
        UUID liveEventId, String essentialReason, UUID replyToMentionId, Repost repostOf, Instant scheduledAt) {

    public PostContent {
        threadParts = threadParts == null ? List.of() : List.copyOf(threadParts);
        targets = List.copyOf(targets);
    }

    /** A post with nothing but a text, targets and a time. */
    public static PostContent simple(String text, List<TargetContent> targets, Instant scheduledAt) {
        return new PostContent(text, List.of(), targets, null, null, null, null, null, scheduledAt);
    }

    /**
     * One target's variant.
     *
     * @param text override text for this target, else {@code null} (the base text)
     * @param title title where the network has one (YouTube, Flickr, SoundCloud), else {@code null}
     * @param mediaIds media library ids, in publishing order
     * @param firstComment a comment added under the post straight after publishing, else {@code null}
     * @param shares for a corporate account: the account of another target of this post on the same network whose
     *        publication this target shares (on X a repost), else {@code null}
     */
    public record TargetContent(Network network, String account, String text, String title, List<UUID> mediaIds,
            String firstComment, String shares) {

        public TargetContent {
            mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        }

        public static TargetContent plain(Network network, String account) {
            return new TargetContent(network, account, null, null, List.of(), null, null);
        }

        @JsonIgnore
        public boolean isShare() {
            return shares != null;
        }
    }

    /** Another account's post this one shares. */
    public record Repost(Network network, String externalId, String author, String url) {
    }

    public Optional<TargetContent> target(Network network, String account) {
        return targets.stream().filter(t -> t.network() == network && t.account().equals(account)).findFirst();
    }
}
