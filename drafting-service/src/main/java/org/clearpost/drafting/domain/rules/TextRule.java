package org.clearpost.drafting.domain.rules;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.drafting.domain.rules.TextProblem.Severity;
import org.clearpost.events.Network;

/** One network's rules for one of its texts. Called only with text that is not blank. */
abstract class TextRule {

    final Network network;
    final Field field;

    TextRule(Network network, Field field) {
        this.network = network;
        this.field = field;
    }

    abstract void check(RuleText text, List<TextProblem> problems);

    /** The network's count of the text against its limit(s), from the same tally {@link #check} uses. */
    abstract List<TextMeasure> measure(RuleText text);

    TextMeasure measured(Tally tally, String unit) {
        return new TextMeasure(network, field, tally.total(), tally.max(), unit);
    }

    TextProblem error(Code code, String message, int start, int end) {
        return new TextProblem(network, field, code, Severity.ERROR, message, start, end);
    }

    TextProblem info(Code code, String message, int start, int end) {
        return new TextProblem(network, field, code, Severity.INFO, message, start, end);
    }

    /** A {@link Code#TOO_LONG} or {@link Code#TOO_MANY_BYTES} error from a tally that went over. */
    TextProblem overLimit(Code code, RuleText text, Tally tally, String what) {
        return error(code, String.format("Too long for %s: %,d of at most %,d %s; the part from here on is over, "
                + "shorten by %,d.", networkName(), tally.total(), tally.max(), what, tally.total() - tally.max()),
                tally.overflowStart(), text.length());
    }

    String networkName() {
        String name = MediaRules.networkName(network);
        return switch (field) {
            case TITLE -> name + " (title)";
            case COMMENT -> name + " (comment)";
            case TEXT -> name;
        };
    }
}
