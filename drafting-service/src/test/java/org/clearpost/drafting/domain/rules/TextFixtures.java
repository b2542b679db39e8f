package org.clearpost.drafting.domain.rules;

/** Texts that count differently on every network. */
final class TextFixtures {

    /** 👨‍👩‍👧‍👦: 4 people joined by 3 zero-width joiners; 7 code points, 11 UTF-16 characters, 25 UTF-8 bytes. */
    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    /** 🇬🇧: two regional indicators; 4 UTF-16 characters, 8 bytes. */
    static final String FLAG_GB = "\uD83C\uDDEC\uD83C\uDDE7";
    /** 🏴󠁧󠁢󠁷󠁬󠁳󠁿: black flag and tag characters; 14 UTF-16 characters. */
    static final String FLAG_WALES =
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73\uDB40\uDC7F";
    /** 👍🏽: thumbs up and a skin tone modifier. */
    static final String THUMBS_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    /** 😀: one code point outside the BMP; 2 UTF-16 characters, 4 bytes. */
    static final String GRIN = "\uD83D\uDE00";
    /** 🫠 (Emoji 14.0, 2021): newer than twitter-text 3.1.0's emoji pattern. */
    static final String MELTING = "\uD83E\uDEE0";
    /** 日: CJK, 1 UTF-16 character, 3 bytes, weight 2 on X. */
    static final String CJK = "\u65E5";
    /** é written as e and a combining acute accent (NFD): 2 UTF-16 characters, one grapheme, 3 bytes. */
    static final String E_ACUTE_DECOMPOSED = "e\u0301";
    /** a with four combining marks: one grapheme, 5 UTF-16 characters. */
    static final String ZALGO_A = "a\u0300\u0301\u0302\u0303";

    private TextFixtures() {
    }

    static String a(int n) {
        return "a".repeat(n);
    }

    /** {@link TextLimits#DEFAULTS} with X's maximum changed. */
    static TextLimits withX(int max) {
        TextLimits d = TextLimits.DEFAULTS;
        return new TextLimits(max, d.blueskyMaxGraphemes(), d.blueskyMaxBytes(), d.linkedInMaxCharacters(),
                d.mastodonMaxCharacters(), d.mastodonCharactersPerUrl(), d.threadsMaxCharacters(),
                d.facebookMaxCharacters(), d.youTubeMaxTitleCharacters(), d.youTubeMaxDescriptionBytes());
    }
}
