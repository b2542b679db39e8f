package org.clearpost.sandbox.domain;

import java.time.Instant;
import java.util.List;

/**
 * One thing a connector published through the sandbox, as the inspection API shows it.
 *
 * @param id               the id the network answered with: an X post id, or Graph's {@code <page-id>_<post-id>}
 *                         (a comment: {@code <post-id>_<comment-id>})
 * @param kind             what it is on the network (see {@link Kind})
 * @param account          X: the username of the token's user; Facebook: the Page id (for a comment, the Page
 *                         the token last posted to, else null)
 * @param text             the post text (X {@code text}, Graph {@code message}); null for a repost
 * @param pageId           Facebook only
 * @param link             Facebook only, when a {@code link} was sent
 * @param inReplyTo        X {@code reply.in_reply_to_tweet_id}; Graph: the object a comment is on
 * @param quoteOf          X {@code quote_tweet_id}
 * @param retweetOf        X repost ({@code POST /2/users/{id}/retweets}) of this post id
 * @param repostOf         the post shared: X repost or quote of this post id; Facebook: the held post whose URL was
 *                         the {@code link}
 * @param media            media attached, as the sandbox received the bytes
 * @param url              where the item would be seen on the network
 * @param tokenFingerprint SHA-256 hex of the token that made the call
 */
public record HeldPost(Network network, String id, Kind kind, String account, String text, String pageId,
        String link, String inReplyTo, String quoteOf, String retweetOf, String repostOf, List<HeldMedia> media,
        String url, String tokenFingerprint, Instant receivedAt) {

    public enum Kind {
        /** A post of its own (X post; Page feed post, with or without a link to something not held here). */
        POST,
        /** X: a post in reply to another ({@code reply.in_reply_to_tweet_id}). */
        REPLY,
        /** X: a post quoting another ({@code quote_tweet_id}). */
        QUOTE,
        /** X: a repost ({@code POST /2/users/{id}/retweets}); no text of its own. */
        REPOST,
        /** Facebook: a feed post whose {@code link} is the URL of a post held here. */
        SHARE,
        /** Facebook: a photo post ({@code /{page-id}/photos}). */
        PHOTO,
        /** Facebook: a comment ({@code /{object-id}/comments}). */
        COMMENT,
        /** A video (X, Facebook {@code /videos}, YouTube, Bluesky). */
        VIDEO,
        /** SoundCloud: an audio track. */
        TRACK
    }

    public HeldPost {
        media = media == null ? List.of() : List.copyOf(media);
    }
}
