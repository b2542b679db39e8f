package org.clearpost.drafting.domain.rules;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * A plain "at most N characters" (Facebook's 63,206, YouTube's 100 for a title). The networks do not say what a
 * character is; this counts UTF-16 characters (an emoji counts 2, as JavaScript's {@code length} in a composer),
 * never fewer than code points or graphemes, so a text that passes here passes there.
 */
final class CharacterLimitRule extends TextRule {

    private final int maxCharacters;

    CharacterLimitRule(Network network, Field field, int maxCharacters) {
        super(network, field);
        this.maxCharacters = maxCharacters;
    }

    private static final String UNIT = "characters";

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
        return Tally.clusters(text, maxCharacters, (s, start, end) -> end - start);
    }
}
