package org.clearpost.drafting.domain.rules;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * YouTube ({@code videos.insert} snippet): the description has "a maximum length of 5000 bytes" (UTF-8) and the
 * title 100 characters; both "may contain all valid UTF-8 characters except < and >".
 */
final class YouTubeTextRule extends TextRule {

    private static final String BYTES = "bytes (UTF-8)";

    private final int max;
    private final CharacterLimitRule titleLength;

    private YouTubeTextRule(Field field, int max) {
        super(Network.YOUTUBE, field);
        this.max = max;
        this.titleLength = field == Field.TITLE ? new CharacterLimitRule(Network.YOUTUBE, Field.TITLE, max) : null;
    }

    static YouTubeTextRule description(int maxBytes) {
        return new YouTubeTextRule(Field.TEXT, maxBytes);
    }

    static YouTubeTextRule title(int maxCharacters) {
        return new YouTubeTextRule(Field.TITLE, maxCharacters);
    }

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        String s = text.value();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>') {
                problems.add(error(Code.INVALID_CHARACTER, "YouTube does not accept " + c + " in a video "
                        + (field == Field.TITLE ? "title" : "description") + "; remove it or use another character.",
                        i, i + 1));
            }
        }
        if (titleLength != null) {
            titleLength.check(text, problems);
            return;
        }
        Tally bytes = bytes(text);
        if (bytes.over()) {
            problems.add(overLimit(Code.TOO_MANY_BYTES, text, bytes, BYTES));
        }
    }

    @Override
    List<TextMeasure> measure(RuleText text) {
        return titleLength != null ? titleLength.measure(text) : List.of(measured(bytes(text), BYTES));
    }

    private Tally bytes(RuleText text) {
        return Tally.clusters(text, max, RuleText::utf8Length);
    }
}
