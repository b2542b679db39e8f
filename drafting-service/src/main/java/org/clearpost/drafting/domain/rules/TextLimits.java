package org.clearpost.drafting.domain.rules;

/**
 * The numbers in each network's text rules. How each network counts is fixed in code (it is how the network
 * works); how far it lets you go is here, filled from configuration ({@code clearpost.networks.rules.*}) in the
 * service and built directly in tests.
 *
 * @param xMaxWeightedLength          X, weighted length as twitter-text counts it (280; 25,000 for Premium)
 * @param blueskyMaxGraphemes         Bluesky, grapheme clusters
 * @param blueskyMaxBytes             Bluesky, UTF-8 bytes
 * @param linkedInMaxCharacters       LinkedIn, UTF-16 characters of the escaped text
 * @param mastodonMaxCharacters       Mastodon, grapheme clusters with links and mentions shortened (the instance's
 *                                    {@code max_characters})
 * @param mastodonCharactersPerUrl    Mastodon, what any link counts (the instance's
 *                                    {@code characters_reserved_per_url})
 * @param threadsMaxCharacters        Threads, UTF-16 characters with each emoji counted as its UTF-8 bytes
 * @param facebookMaxCharacters       Facebook, UTF-16 characters
 * @param youTubeMaxTitleCharacters   YouTube title, UTF-16 characters
 * @param youTubeMaxDescriptionBytes  YouTube description, UTF-8 bytes
 */
public record TextLimits(
        int xMaxWeightedLength,
        int blueskyMaxGraphemes,
        int blueskyMaxBytes,
        int linkedInMaxCharacters,
        int mastodonMaxCharacters,
        int mastodonCharactersPerUrl,
        int threadsMaxCharacters,
        int facebookMaxCharacters,
        int youTubeMaxTitleCharacters,
        int youTubeMaxDescriptionBytes) {

    /** The networks' published limits; the same numbers as the defaults of {@code NetworkRules}. */
    public static final TextLimits DEFAULTS = new TextLimits(280, 300, 3000, 3000, 500, 23, 500, 63206, 100, 5000);

    public TextLimits {
        positive("x max weighted length", xMaxWeightedLength);
        positive("bluesky max graphemes", blueskyMaxGraphemes);
        positive("bluesky max bytes", blueskyMaxBytes);
        positive("linkedin max characters", linkedInMaxCharacters);
        positive("mastodon max characters", mastodonMaxCharacters);
        if (mastodonCharactersPerUrl < 0) {
            throw new IllegalArgumentException("mastodon characters per url must be 0 or more, not "
                    + mastodonCharactersPerUrl);
        }
        positive("threads max characters", threadsMaxCharacters);
        positive("facebook max characters", facebookMaxCharacters);
        positive("youtube max title characters", youTubeMaxTitleCharacters);
        positive("youtube max description bytes", youTubeMaxDescriptionBytes);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
