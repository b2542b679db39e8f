package org.clearpost.drafting.domain.rules;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import com.twitter.twittertext.Validator;
import java.text.Normalizer;
import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * X: the weighted length exactly as X's own twitter-text library counts it ({@link TwitterTextParser#parseTweet}),
 * never a count of our own. With its default configuration (v3): every URL counts 23, however long (a bare domain
 * such as {@code ico.org.uk} is a URL too), an emoji sequence the library knows (ZWJ family, flag, skin tone) counts
 * 2, CJK and most non-Latin-script characters 2, Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari and general
 * punctuation 1, all after NFC normalisation; U+FEFF, U+FFFE and U+FFFF make a text invalid.
 */
final class XTextRule extends TextRule {

    /** Stands in for an invalid character when only finding where the text goes over: same weight, but valid. */
    static final char SAME_WEIGHT_VALID = '\uFFFD';

    private final TwitterTextConfiguration config;

    XTextRule(int maxWeightedLength) {
        super(Network.X, Field.TEXT);
        this.config = configuration(maxWeightedLength);
    }

    /** X's default configuration, with only the maximum changed when it is not X's standard 280 (Premium). */
    static TwitterTextConfiguration configuration(int maxWeightedLength) {
        TwitterTextConfiguration standard = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
        if (maxWeightedLength == standard.getMaxWeightedTweetLength()) {
            return standard;
        }
        return new TwitterTextConfiguration.Builder()
                .setVersion(standard.getVersion())
                .setMaxWeightedTweetLength(maxWeightedLength)
                .setScale(standard.getScale())
                .setDefaultWeight(standard.getDefaultWeight())
                .setEmojiParsingEnabled(standard.getEmojiParsingEnabled())
                .setTransformedURLLength(standard.getTransformedURLLength())
                .setRanges(standard.getRanges())
                .build();
    }

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        String s = text.value();
        boolean invalid = false;
        for (int i = 0; i < s.length(); i++) {
            // The library's own definition of an invalid character, asked one UTF-16 unit at a time to locate each.
            if (!Character.isSurrogate(s.charAt(i)) && Validator.hasInvalidCharacters(s.substring(i, i + 1))) {
                invalid = true;
                problems.add(error(Code.INVALID_CHARACTER, String.format(
                        "X refuses the invisible character U+%04X; remove it.", (int) s.charAt(i)), i, i + 1));
            }
        }

        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(s, config);
        int max = config.getMaxWeightedTweetLength();
        if (parsed.weightedLength <= max) {
            return;
        }
        int cut = overflowStart(text, invalid, parsed);
        problems.add(error(Code.TOO_LONG, String.format("Too long for X: %,d of at most %,d (X counts every link as "
                + "23, and emoji and CJK characters as 2); the part from here on is over, shorten by %,d.",
                parsed.weightedLength, max, parsed.weightedLength - max), cut, s.length()));
    }

    /** X's weighted length, from the same {@link TwitterTextParser#parseTweet} call as {@link #check}. */
    @Override
    List<TextMeasure> measure(RuleText text) {
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text.value(), config);
        return List.of(new TextMeasure(network, field, parsed.weightedLength, config.getMaxWeightedTweetLength(),
                "weighted characters"));
    }

    /**
     * Where X's valid text ends, from the library's {@code validTextRange} (inclusive end, UTF-16, in the NFC form),
     * brought back to the text as given and to the start of a grapheme cluster. The library stops that range at the
     * first invalid character, so those are swapped for a valid character of the same weight first; it also maps
     * its NFC indexes back to the given text only by a constant offset, hence the NFC form is passed in and mapped
     * back here.
     */
    private int overflowStart(RuleText text, boolean invalid, TwitterTextParseResults parsed) {
        String s = text.value();
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        String counted = nfc;
        if (invalid) {
            StringBuilder b = new StringBuilder(nfc);
            for (int i = 0; i < b.length(); i++) {
                if (!Character.isSurrogate(b.charAt(i)) && Validator.hasInvalidCharacters(b.substring(i, i + 1))) {
                    b.setCharAt(i, SAME_WEIGHT_VALID);
                }
            }
            counted = b.toString();
        }
        TwitterTextParseResults positions = counted.equals(s) ? parsed : TwitterTextParser.parseTweet(counted, config);
        int cutInNfc = positions.validTextRange.end + 1;
        int[] bounds = text.clusters();
        int cut;
        if (nfc.equals(s)) {
            cut = Graphemes.floor(bounds, cutInNfc);
        } else {
            // The largest cluster boundary of the given text whose prefix normalises to no more than the valid part.
            int lo = 0;
            int hi = bounds.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (Normalizer.normalize(s.substring(0, bounds[mid]), Normalizer.Form.NFC).length() <= cutInNfc) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            cut = bounds[lo];
        }
        // Over the limit means at least the last cluster is over, whatever the mapping says.
        return Math.min(cut, bounds[bounds.length - 2]);
    }
}
