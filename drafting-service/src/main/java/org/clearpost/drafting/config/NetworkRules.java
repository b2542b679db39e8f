package org.clearpost.drafting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * Each network's text limits, so that a network changing a limit is a configuration change
 * ({@code clearpost.networks.rules.<network>.<limit>}, or the matching {@code CLEARPOST_NETWORKS_RULES_...} variable).
 * How each network counts is in {@code org.clearpost.drafting.domain.rules}; the defaults are the networks'
 * published limits and match {@code TextLimits.DEFAULTS} and {@code CommentLimits.DEFAULTS}. Replies on X, Bluesky,
 * Mastodon and Threads are posts and take the post's limits; Facebook, LinkedIn and YouTube publish thread parts and
 * first comments as comments, hence their {@code max-comment-characters}.
 */
@ConfigMapping(prefix = "clearpost.networks.rules")
public interface NetworkRules {

    X x();

    Bluesky bluesky();

    Linkedin linkedin();

    Mastodon mastodon();

    Threads threads();

    Facebook facebook();

    Youtube youtube();

    interface X {
        /** Weighted length as X's twitter-text counts it; 25000 for an account with X Premium. */
        @WithDefault("280")
        @Positive
        int maxWeightedLength();
    }

    interface Bluesky {
        /** Grapheme clusters (user-perceived characters). */
        @WithDefault("300")
        @Positive
        int maxGraphemes();

        /** UTF-8 bytes. */
        @WithDefault("3000")
        @Positive
        int maxBytes();
    }

    interface Linkedin {
        /** UTF-16 characters of the text after escaping for the little text format. */
        @WithDefault("3000")
        @Positive
        int maxCharacters();

        /** A comment (thread parts, first comment), UTF-16 characters after escaping. */
        @WithDefault("1250")
        @Positive
        int maxCommentCharacters();
    }

    interface Mastodon {
        /** Grapheme clusters, links and mentions shortened: the instance's {@code max_characters}. */
        @WithDefault("500")
        @Positive
        int maxCharacters();

        /** What every link counts: the instance's {@code characters_reserved_per_url}. */
        @WithDefault("23")
        @Min(0)
        int charactersPerUrl();
    }

    interface Threads {
        /** UTF-16 characters, each emoji counting its UTF-8 bytes. */
        @WithDefault("500")
        @Positive
        int maxCharacters();
    }

    interface Facebook {
        /** UTF-16 characters. */
        @WithDefault("63206")
        @Positive
        int maxCharacters();

        /** A comment (thread parts, first comment, a reply to a mention), UTF-16 characters. */
        @WithDefault("8000")
        @Positive
        int maxCommentCharacters();
    }

    interface Youtube {
        /** Video title, UTF-16 characters. */
        @WithDefault("100")
        @Positive
        int maxTitleCharacters();

        /** Video description, UTF-8 bytes. */
        @WithDefault("5000")
        @Positive
        int maxDescriptionBytes();

        /** A comment under the video (thread parts, first comment), characters. */
        @WithDefault("10000")
        @Positive
        int maxCommentCharacters();
    }
}
