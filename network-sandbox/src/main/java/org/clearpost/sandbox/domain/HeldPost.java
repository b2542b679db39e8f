package org.clearpost.sandbox.domain;

import java.time.Instant;

/**
 * One thing a connector published through the sandbox, as the inspection API shows it.
 *
 * @param id               the id the network answered with: an X post id, or Graph's {@code <page-id>_<post-id>}
 * @param text             the post text (X {@code text}, Graph {@code message}); null for a repost
 * @param pageId           Facebook only
 * @param link             Facebook only, when a {@code link} was sent
 * @param inReplyTo        X {@code reply.in_reply_to_tweet_id}
 * @param quoteOf          X {@code quote_tweet_id}
 * @param retweetOf        X repost ({@code POST /2/users/{id}/retweets}) of this post id
 * @param tokenFingerprint SHA-256 hex of the token that made the call
 */
public record HeldPost(Network network, String id, String text, String pageId, String link, String inReplyTo,
        String quoteOf, String retweetOf, String tokenFingerprint, Instant receivedAt) {
}
