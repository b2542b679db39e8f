package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.GRIN;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Severity;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class LinkedInTextRuleTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    private List<TextProblem> linkedIn(String text) {
        return validator.validate(Network.LINKEDIN, text);
    }

    @Test
    void escapesEveryReservedCharacterIncludingTheBackslash() {
        assertThat(LinkedInText.escape("a|b{c}d@e[f]g(h)i<j>k#l*m_n~o\\p"))
                .isEqualTo("a\\|b\\{c\\}d\\@e\\[f\\]g\\(h\\)i\\<j\\>k\\#l\\*m\\_n\\~o\\\\p");
        assertThat(LinkedInText.escape("Read our guidance (2024) #GDPR"))
                .isEqualTo("Read our guidance \\(2024\\) \\#GDPR");
        assertThat(LinkedInText.escape("C:\\temp")).isEqualTo("C:\\\\temp");
    }

    @Test
    void textWithoutReservedCharactersIsUnchanged() {
        String text = "Plain text, with punctuation! ? : ; - \u00A3 \u20AC " + GRIN;
        assertThat(LinkedInText.escape(text)).isSameAs(text);
        assertThat(LinkedInText.escape("")).isEmpty();
        assertThat(linkedIn(text)).isEmpty();
    }

    @Test
    void escapingIsReportedAsInformationForEachRunOfReservedCharacters() {
        List<TextProblem> problems = linkedIn("See (this) **now** #tag");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo(Code.ESCAPED_CHARACTERS);
            assertThat(p.severity()).isEqualTo(Severity.INFO);
            assertThat(p.isError()).isFalse();
        });
        assertThat(problems).extracting(TextProblem::start).containsExactly(4, 9, 11, 16, 19);
        assertThat(problems).extracting(TextProblem::end).containsExactly(5, 10, 13, 18, 20);
        assertThat(problems.get(4).message()).contains("#", "backslash");
    }

    @Test
    void threeThousandCharactersPassAndOneMoreFails() {
        assertThat(linkedIn(a(3000))).isEmpty();
        assertThat(linkedIn(a(3001))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(3000);
        });
    }

    @Test
    void theLimitAppliesToTheEscapedText() {
        assertThat(linkedIn("(".repeat(1500))).extracting(TextProblem::code)
                .containsOnly(Code.ESCAPED_CHARACTERS);
        assertThat(linkedIn("(".repeat(1501))).filteredOn(TextProblem::isError).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(1500));
        assertThat(linkedIn(a(2999) + "#")).filteredOn(TextProblem::isError).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(2999));
    }

    @Test
    void emojiCountTwo() {
        assertThat(linkedIn(GRIN.repeat(1500))).isEmpty();
        assertThat(linkedIn(GRIN.repeat(1501))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(3000));
    }
}
