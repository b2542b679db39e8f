package org.clearpost.drafting.domain.rules;

/**
 * The limits of a comment on the networks that publish thread parts, first comments and replies to a mention as
 * comments under the post rather than as posts in reply. (A reply on X, Bluesky, Mastodon or Threads is a post
 * and counts exactly as one: {@link TextLimits}.) Filled from {@code clearpost.networks.rules.*} in the service.
 *
 * @param facebookMaxCharacters  Facebook comment ({@code POST /{object-id}/comments}), UTF-16 characters
 * @param linkedInMaxCharacters  LinkedIn comment, UTF-16 characters of the escaped text
 * @param youTubeMaxCharacters   YouTube comment ({@code commentThreads.insert} {@code textOriginal}), characters
 */
public record CommentLimits(int facebookMaxCharacters, int linkedInMaxCharacters, int youTubeMaxCharacters) {

    /** The networks' published limits; the same numbers as the defaults of {@code NetworkRules}. */
    public static final CommentLimits DEFAULTS = new CommentLimits(8000, 1250, 10000);

    public CommentLimits {
        positive("facebook max comment characters", facebookMaxCharacters);
        positive("linkedin max comment characters", linkedInMaxCharacters);
        positive("youtube max comment characters", youTubeMaxCharacters);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
