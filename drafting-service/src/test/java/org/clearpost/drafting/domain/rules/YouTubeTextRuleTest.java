package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.CJK;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class YouTubeTextRuleTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    @Test
    void theDescriptionIsCountedInUtf8Bytes() {
        assertThat(validator.validate(Network.YOUTUBE, a(5000))).isEmpty();
        assertThat(validator.validate(Network.YOUTUBE, a(5001))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_MANY_BYTES);
            assertThat(p.field()).isEqualTo(Field.TEXT);
            assertThat(p.start()).isEqualTo(5000);
        });
        assertThat(validator.validate(Network.YOUTUBE, CJK.repeat(1666) + "aa")).isEmpty(); // 5,000 bytes
        assertThat(validator.validate(Network.YOUTUBE, CJK.repeat(1667))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(1666));
    }

    @Test
    void angleBracketsAreRefused() {
        assertThat(validator.validate(Network.YOUTUBE, "<b>Launch</b>"))
                .extracting(TextProblem::code, TextProblem::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Code.INVALID_CHARACTER, 0),
                        org.assertj.core.groups.Tuple.tuple(Code.INVALID_CHARACTER, 2),
                        org.assertj.core.groups.Tuple.tuple(Code.INVALID_CHARACTER, 9),
                        org.assertj.core.groups.Tuple.tuple(Code.INVALID_CHARACTER, 12));
    }

    @Test
    void theTitleHasItsOwnLimitAndField() {
        assertThat(validator.validateTitle(Network.YOUTUBE, a(100))).isEmpty();
        assertThat(validator.validateTitle(Network.YOUTUBE, a(101))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.field()).isEqualTo(Field.TITLE);
            assertThat(p.start()).isEqualTo(100);
            assertThat(p.message()).contains("YouTube (title)");
        });
        assertThat(validator.validateTitle(Network.YOUTUBE, "a > b")).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(Code.INVALID_CHARACTER));
        assertThat(validator.validateTitle(Network.YOUTUBE, " ")).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(Code.EMPTY));
        assertThat(validator.validateTitle(Network.X, a(1000))).isEmpty(); // X posts have no title
    }
}
