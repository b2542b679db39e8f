package org.clearpost.drafting.domain.rules;

import com.twitter.twittertext.TwitterTextEmojiRegex;
import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * Threads: "text posts are limited to 500 characters; emojis are counted as the number of UTF-8 bytes" (Threads
 * API, Posts). So an emoji counts 3 to 4 bytes, a ZWJ family 25. Other characters count as UTF-16 characters (Meta
 * does not say; this is the safe side of code points and graphemes).
 */
final class ThreadsTextRule extends TextRule {

    private final int maxCharacters;

    ThreadsTextRule(int maxCharacters) {
        super(Network.THREADS, Field.TEXT);
        this.maxCharacters = maxCharacters;
    }

    private static final String UNIT = "characters (each emoji counts its UTF-8 bytes)";

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        Tally tally = tally(text);
        if (tally.over()) {
            problems.add(overLimit(Code.TOO_LONG, text, tally, UNIT));
        }
    }

    @Override
    List<TextMeasure> measure(RuleText text) {
        return List.of(measured(tally(text), UNIT));
    }

    private Tally tally(RuleText text) {
        return Tally.clusters(text, maxCharacters, (s, start, end) -> isEmoji(s, start, end)
                ? RuleText.utf8Length(s, start, end)
                : end - start);
    }

    /**
     * Whether a grapheme cluster is an emoji: one twitter-text's emoji pattern knows, or, for emoji newer than that
     * pattern, one with a character of the emoji blocks (U+1F000 to U+1FAFF, even one unassigned in this JDK's
     * Unicode version, as 🫠 is on JDK 17) or another symbol outside the Basic Multilingual Plane, an emoji
     * presentation selector, a joiner or a keycap. Erring towards emoji is the safe side: its bytes are never
     * fewer than its UTF-16 characters.
     */
    static boolean isEmoji(String s, int start, int end) {
        if (end - start == 1 && s.charAt(start) < 0xA9) {
            return false; // ASCII and Latin-1 letters; the first character the emoji pattern knows is U+00A9
        }
        if (TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(s).region(start, end).matches()) {
            return true;
        }
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            if (cp == 0xFE0F || cp == 0x200D || cp == 0x20E3
                    || (cp >= 0x1F000 && cp <= 0x1FAFF) // the emoji blocks, including what this JDK's Unicode lacks
                    || (cp > 0xFFFF && Character.getType(cp) == Character.OTHER_SYMBOL)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
