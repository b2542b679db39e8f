package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.CJK;
import static org.clearpost.drafting.domain.rules.TextFixtures.E_ACUTE_DECOMPOSED;
import static org.clearpost.drafting.domain.rules.TextFixtures.FAMILY;
import static org.clearpost.drafting.domain.rules.TextFixtures.FLAG_GB;
import static org.clearpost.drafting.domain.rules.TextFixtures.FLAG_WALES;
import static org.clearpost.drafting.domain.rules.TextFixtures.THUMBS_MEDIUM;
import static org.clearpost.drafting.domain.rules.TextFixtures.ZALGO_A;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class BlueskyTextRuleTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    private List<TextProblem> bluesky(String text) {
        return validator.validate(Network.BLUESKY, text);
    }

    @Test
    void emojiSequencesAndCombiningMarksAreOneGraphemeEach() {
        // JDK 17's BreakIterator would count these 7, 2, 7 and 2: Graphemes uses \X instead.
        assertThat(Graphemes.count(FAMILY)).isEqualTo(1);
        assertThat(Graphemes.count(FLAG_GB)).isEqualTo(1);
        assertThat(Graphemes.count(FLAG_WALES)).isEqualTo(1);
        assertThat(Graphemes.count(THUMBS_MEDIUM)).isEqualTo(1);
        assertThat(Graphemes.count(E_ACUTE_DECOMPOSED)).isEqualTo(1);
        assertThat(Graphemes.count(ZALGO_A)).isEqualTo(1);
        assertThat(Graphemes.count(CJK.repeat(3))).isEqualTo(3);
        assertThat(Graphemes.count("")).isZero();
        assertThat(Graphemes.boundaries("a" + FAMILY + "b")).containsExactly(0, 1, 12, 13);
    }

    @Test
    void threeHundredGraphemesPassAndOneMoreFails() {
        assertThat(bluesky(a(300))).isEmpty();
        assertThat(bluesky(a(301))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(300);
            assertThat(p.end()).isEqualTo(301);
            assertThat(p.message()).contains("301 of at most 300");
        });
    }

    @Test
    void combiningMarksCountOnce() {
        assertThat(bluesky(E_ACUTE_DECOMPOSED.repeat(300))).isEmpty();
        assertThat(bluesky(E_ACUTE_DECOMPOSED.repeat(301))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(600));
    }

    @Test
    void flagsAreOneGraphemeAndEightBytes() {
        assertThat(bluesky(FLAG_GB.repeat(300))).isEmpty(); // 2,400 bytes
        assertThat(bluesky(FLAG_GB.repeat(301))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(1200);
        });
    }

    @Test
    void aFamilyIsOneGraphemeButTwentyFiveBytes() {
        assertThat(FAMILY.getBytes(StandardCharsets.UTF_8)).hasSize(25);
        assertThat(bluesky(FAMILY.repeat(120))).isEmpty(); // exactly 3,000 bytes
        assertThat(bluesky(FAMILY.repeat(121))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_MANY_BYTES);
            assertThat(p.start()).isEqualTo(120 * FAMILY.length());
            assertThat(p.message()).contains("3,025 of at most 3,000 bytes");
        });
    }

    @Test
    void bothLimitsAreReportedWhenBothAreExceeded() {
        // 1,000 CJK characters are exactly 3,000 bytes but far over 300 graphemes.
        assertThat(bluesky(CJK.repeat(1000))).extracting(TextProblem::code).containsExactly(Code.TOO_LONG);
        List<TextProblem> problems = bluesky(CJK.repeat(1001));
        assertThat(problems).extracting(TextProblem::code).containsExactly(Code.TOO_LONG, Code.TOO_MANY_BYTES);
        assertThat(problems).extracting(TextProblem::start).containsExactly(300, 1000);
    }
}
