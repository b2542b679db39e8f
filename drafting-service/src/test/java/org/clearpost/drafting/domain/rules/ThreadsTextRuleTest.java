package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.CJK;
import static org.clearpost.drafting.domain.rules.TextFixtures.E_ACUTE_DECOMPOSED;
import static org.clearpost.drafting.domain.rules.TextFixtures.FAMILY;
import static org.clearpost.drafting.domain.rules.TextFixtures.FLAG_GB;
import static org.clearpost.drafting.domain.rules.TextFixtures.GRIN;
import static org.clearpost.drafting.domain.rules.TextFixtures.MELTING;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class ThreadsTextRuleTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    private List<TextProblem> threads(String text) {
        return validator.validate(Network.THREADS, text);
    }

    @Test
    void fiveHundredPassAndOneMoreFails() {
        assertThat(threads(a(500))).isEmpty();
        assertThat(threads(a(501))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(500);
        });
    }

    @Test
    void emojiCountTheirUtf8Bytes() {
        assertThat(threads(GRIN.repeat(125))).isEmpty(); // 4 bytes each
        assertThat(threads(GRIN.repeat(126))).singleElement().satisfies(p -> assertThat(p.start()).isEqualTo(250));
        assertThat(threads(FAMILY.repeat(20))).isEmpty(); // 25 bytes each
        assertThat(threads(FAMILY.repeat(21))).singleElement().satisfies(p -> assertThat(p.start()).isEqualTo(220));
        assertThat(threads(FLAG_GB.repeat(62) + "aaaa")).isEmpty(); // 8 bytes each
        assertThat(threads(FLAG_GB.repeat(62) + "aaaaa")).hasSize(1);
    }

    @Test
    void emojiNewerThanTwitterTextsPatternCountAsEmojiToo() {
        assertThat(ThreadsTextRule.isEmoji(MELTING, 0, MELTING.length())).isTrue();
        assertThat(ThreadsTextRule.isEmoji("\u263A", 0, 1)).isTrue(); // ☺, 3 bytes
        assertThat(ThreadsTextRule.isEmoji("#", 0, 1)).isFalse();
        assertThat(ThreadsTextRule.isEmoji("\u00A9", 0, 1)).isFalse(); // © without emoji presentation
        // Mathematical bold letters (fake bold) are letters, not emoji: 2 UTF-16 characters each.
        assertThat(ThreadsTextRule.isEmoji("\uD835\uDC01", 0, 2)).isFalse();
        assertThat(threads(MELTING.repeat(125))).isEmpty();
        assertThat(threads(MELTING.repeat(126))).hasSize(1);
    }

    @Test
    void otherCharactersCountAsUtf16Characters() {
        assertThat(threads(CJK.repeat(500))).isEmpty();
        assertThat(threads(CJK.repeat(501))).hasSize(1);
        assertThat(threads(E_ACUTE_DECOMPOSED.repeat(250))).isEmpty();
        assertThat(threads(E_ACUTE_DECOMPOSED.repeat(251))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(500));
    }
}
