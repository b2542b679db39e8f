package org.clearpost.drafting.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadabilityTest {

    @Test
    void syllablesAreEstimatedByVowelGroups() {
        assertThat(Readability.syllables("cat")).isEqualTo(1);
        assertThat(Readability.syllables("make")).isEqualTo(1);
        assertThat(Readability.syllables("table")).isEqualTo(2);
        assertThat(Readability.syllables("information")).isEqualTo(4);
        assertThat(Readability.syllables("organisation")).isEqualTo(5);
    }

    @Test
    void wordsSentencesAndSyllablesLeaveOutLinksMentionsAndHashtags() {
        Readability.Counts counts = Readability.count("The cat sat. The dog ran! See https://ico.org.uk #Data @ico");
        assertThat(counts.words()).isEqualTo(7);
        assertThat(counts.sentences()).isEqualTo(3);
        assertThat(counts.syllables()).isEqualTo(7);
    }

    @Test
    void theFormulasAreFleschAndFleschKincaid() {
        Readability.Counts counts = new Readability.Counts(20, 2, 30);
        assertThat(counts.readingEase()).isCloseTo(206.835 - 1.015 * 10 - 84.6 * 1.5, within(1e-9));
        assertThat(counts.grade()).isCloseTo(0.39 * 10 + 11.8 * 1.5 - 15.59, within(1e-9));
        assertThat(counts.readingAge()).isCloseTo(counts.grade() + 5, within(1e-9));
    }

    @Test
    void simpleTextReadsEasierThanDenseText() {
        double simple = Readability.count("You can ask us for your data. It is free. We reply in a month.")
                .readingEase();
        double dense = Readability.count("Organisations must demonstrate accountability through comprehensive "
                + "documentation and organisational measures.").readingEase();
        assertThat(simple).isGreaterThan(80);
        assertThat(dense).isLessThan(20);
    }
}
