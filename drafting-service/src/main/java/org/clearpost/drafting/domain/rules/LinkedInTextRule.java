package org.clearpost.drafting.domain.rules;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * LinkedIn ({@code POST /rest/posts}, {@code commentary}): at most {@code maxCharacters}, and reserved characters of
 * the little text format are escaped ({@link LinkedInText#escape(String)}), which is reported as information.
 *
 * <p>LinkedIn does not say in what unit it counts, nor whether before or after escaping; this counts the safe way:
 * UTF-16 characters (an emoji counts 2) of the escaped text (each reserved character counts 2).
 */
final class LinkedInTextRule extends TextRule {

    private static final String UNIT = "characters (after escaping)";

    private final int maxCharacters;

    LinkedInTextRule(int maxCharacters) {
        this(Field.TEXT, maxCharacters);
    }

    /** A comment ({@code socialActions/{urn}/comments}) takes the same little text format, with its own limit. */
    LinkedInTextRule(Field field, int maxCharacters) {
        super(Network.LINKEDIN, field);
        this.maxCharacters = maxCharacters;
    }

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        String s = text.value();
        int run = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean reserved = i < s.length() && LinkedInText.isReserved(s.charAt(i));
            if (reserved && run < 0) {
                run = i;
            } else if (!reserved && run >= 0) {
                problems.add(info(Code.ESCAPED_CHARACTERS, "LinkedIn reads " + s.substring(run, i) + " as markup: "
                        + "it will be sent escaped with a backslash, so it shows as written (a #hashtag or @mention "
                        + "stays plain text, not a LinkedIn link).", run, i));
                run = -1;
            }
        }
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
        return Tally.clusters(text, maxCharacters,
                (t, start, end) -> end - start + LinkedInText.escapesIn(t, start, end));
    }
}
