package org.clearpost.drafting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftTextTest {

    @Test
    void titleSummaryAndLinkInParagraphs() {
        assertThat(DraftText.of("New guidance", "What changes for you.", "https://example.org/a"))
                .isEqualTo("New guidance\n\nWhat changes for you.\n\nhttps://example.org/a");
    }

    @Test
    void aLongSummaryIsCutAtAWordWithAnEllipsis() {
        String summary = "word ".repeat(100);
        String text = DraftText.of("Title", summary, "https://example.org/a");
        String shortened = text.split("\n\n")[1];
        assertThat(shortened).hasSizeLessThanOrEqualTo(DraftText.MAX_SUMMARY).endsWith("word\u2026");
    }

    @Test
    void aSummaryRepeatingTheTitleIsLeftOut() {
        assertThat(DraftText.of("Same", "Same", null)).isEqualTo("Same");
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String emoji = "\uD83D\uDE00".repeat(150);
        String shortened = DraftText.shorten(emoji, 11);
        assertThat(shortened).endsWith("\u2026");
        assertThat(Character.isHighSurrogate(shortened.charAt(shortened.length() - 2))).isFalse();
    }
}
