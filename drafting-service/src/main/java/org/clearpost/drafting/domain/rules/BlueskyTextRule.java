package org.clearpost.drafting.domain.rules;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * Bluesky ({@code app.bsky.feed.post} lexicon): at most {@code maxGraphemes} grapheme clusters
 * ({@code maxGraphemes: 300}) and at most {@code maxBytes} UTF-8 bytes ({@code maxLength: 3000}, which the lexicon
 * counts in bytes). Both are checked; the byte limit matters for scripts of 3 bytes a character and for emoji (a ZWJ
 * family is one grapheme but 25 bytes).
 */
final class BlueskyTextRule extends TextRule {

    private final int maxGraphemes;
    private final int maxBytes;

    BlueskyTextRule(int maxGraphemes, int maxBytes) {
        super(Network.BLUESKY, Field.TEXT);
        this.maxGraphemes = maxGraphemes;
        this.maxBytes = maxBytes;
    }

    private static final String GRAPHEMES = "characters (graphemes)";
    private static final String BYTES = "bytes (UTF-8)";

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        Tally graphemes = graphemes(text);
        if (graphemes.over()) {
            problems.add(overLimit(Code.TOO_LONG, text, graphemes, GRAPHEMES));
        }
        Tally bytes = bytes(text);
        if (bytes.over()) {
            problems.add(overLimit(Code.TOO_MANY_BYTES, text, bytes, BYTES));
        }
    }

    /** Both limits: the graphemes people see, and the bytes a long script or emoji can run out of first. */
    @Override
    List<TextMeasure> measure(RuleText text) {
        return List.of(measured(graphemes(text), GRAPHEMES), measured(bytes(text), BYTES));
    }

    private Tally graphemes(RuleText text) {
        return Tally.clusters(text, maxGraphemes, (s, start, end) -> 1);
    }

    private Tally bytes(RuleText text) {
        return Tally.clusters(text, maxBytes, RuleText::utf8Length);
    }
}
