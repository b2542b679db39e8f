package org.clearpost.drafting.domain.checks;

/**
 * The body's content principles: each check's mode and thresholds. Filled from configuration
 * ({@code clearpost.content.checks.*}) in the service, built directly in tests.
 *
 * @param readingEaseMinScore lowest acceptable Flesch reading ease (0-100, higher is easier)
 * @param readingAgeMax highest acceptable reading age (Flesch-Kincaid grade + 5, in years)
 * @param readabilityMinWords texts with fewer words are too short for either readability score to mean anything
 * @param hashtagMinLength a hashtag of this many letters or more all in one case looks like several words run
 *        together ({@code #cleanairzone})
 * @param shoutingMaxRatio highest acceptable share of capital letters among all letters (0-1)
 * @param shoutingMinLetters texts with fewer letters are not judged (acronyms would dominate)
 * @param emojiMaxPerWord highest acceptable number of emoji per word
 */
public record CheckSettings(
        CheckMode readingEase, double readingEaseMinScore,
        CheckMode readingAge, double readingAgeMax,
        int readabilityMinWords,
        CheckMode ownSiteLink,
        CheckMode utm,
        CheckMode altText,
        CheckMode hashtagCase, int hashtagMinLength,
        CheckMode shouting, double shoutingMaxRatio, int shoutingMinLetters,
        CheckMode emoji, double emojiMaxPerWord) {

    /** The same defaults as the service's configuration. */
    public static final CheckSettings DEFAULTS = new CheckSettings(
            CheckMode.WARN, 50, CheckMode.WARN, 14, 12, CheckMode.WARN, CheckMode.WARN, CheckMode.BLOCK,
            CheckMode.WARN, 10, CheckMode.WARN, 0.5, 12, CheckMode.WARN, 0.2);
}
