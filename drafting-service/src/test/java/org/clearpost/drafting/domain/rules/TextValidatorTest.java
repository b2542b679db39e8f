package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearpost.drafting.domain.rules.TextFixtures.GRIN;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import java.util.EnumSet;
import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class TextValidatorTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    @Test
    void emptyAndBlankTextIsAnErrorOnEveryNetwork() {
        for (Network network : Network.values()) {
            assertThat(validator.validate(network, "")).as(network.name()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(Code.EMPTY);
                assertThat(p.isError()).isTrue();
                assertThat(p.start()).isZero();
                assertThat(p.end()).isZero();
            });
            assertThat(validator.validate(network, " \n\t ")).as(network.name()).singleElement()
                    .satisfies(p -> assertThat(p.end()).isEqualTo(4));
        }
    }

    @Test
    void aReplyIsCheckedAsACommentWhereTheNetworkHasCommentsAndAsAPostElsewhere() {
        assertThat(validator.validateReply(Network.FACEBOOK, a(8_000))).isEmpty();
        assertThat(validator.validateReply(Network.FACEBOOK, a(8_001))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(TextProblem.Field.COMMENT);
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(8_000);
        });
        assertThat(validator.validate(Network.FACEBOOK, a(8_001))).isEmpty();
        assertThat(validator.validateReply(Network.LINKEDIN, a(1_251))).extracting(TextProblem::code)
                .containsExactly(Code.TOO_LONG);
        assertThat(validator.validateReply(Network.YOUTUBE, a(10_001))).extracting(TextProblem::code)
                .containsExactly(Code.TOO_LONG);
        // X, Bluesky, Mastodon, Threads: a reply is a post, counted the same way.
        for (Network network : List.of(Network.X, Network.BLUESKY, Network.MASTODON, Network.THREADS)) {
            assertThat(validator.validateReply(network, a(501))).as(network.name())
                    .isEqualTo(validator.validate(network, a(501)));
        }
        assertThat(validator.validateReply(Network.X, a(281))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo(TextProblem.Field.TEXT));
        assertThat(validator.validateReply(Network.FACEBOOK, " ")).extracting(TextProblem::code)
                .containsExactly(Code.EMPTY);
    }

    @Test
    void commentLimitsComeFromConfiguration() {
        TextValidator small = new TextValidator(TextLimits.DEFAULTS, new CommentLimits(10, 20, 30));
        assertThat(small.validateReply(Network.FACEBOOK, a(11))).hasSize(1);
        assertThat(small.validateReply(Network.LINKEDIN, a(20))).isEmpty();
        assertThatThrownBy(() -> new CommentLimits(0, 1250, 10000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("facebook max comment characters");
    }

    @Test
    void networksWithoutTextRulesOnlyGetTheCommonChecks() {
        assertThat(validator.validate(Network.FLICKR, a(100_000))).isEmpty();
        assertThat(validator.validate(Network.SOUNDCLOUD, "hello")).isEmpty();
    }

    @Test
    void aLoneSurrogateIsABrokenCharacterEverywhere() {
        for (Network network : List.of(Network.FACEBOOK, Network.FLICKR, Network.X, Network.BLUESKY)) {
            assertThat(validator.validate(network, "a\uD83Db")).as(network.name()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.code()).isEqualTo(Code.INVALID_CHARACTER);
                        assertThat(p.start()).isEqualTo(1);
                        assertThat(p.end()).isEqualTo(2);
                    });
        }
        assertThat(validator.validate(Network.FACEBOOK, "a\uDE00")).hasSize(1);
        assertThat(validator.validate(Network.FACEBOOK, "a" + GRIN)).isEmpty();
    }

    @Test
    void facebookCountsCharacters() {
        assertThat(validator.validate(Network.FACEBOOK, a(63_206))).isEmpty();
        assertThat(validator.validate(Network.FACEBOOK, a(63_207))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(63_206);
            assertThat(p.end()).isEqualTo(63_207);
            assertThat(p.message()).contains("63,207 of at most 63,206");
        });
        assertThat(validator.validate(Network.FACEBOOK, GRIN.repeat(31_603))).isEmpty();
        assertThat(validator.validate(Network.FACEBOOK, GRIN.repeat(31_603) + "a")).hasSize(1);
    }

    @Test
    void oneTextForSeveralNetworksIsCheckedOncePerNetwork() {
        String text = "Read (this) " + a(290);
        List<TextProblem> problems = validator.validate(
                List.of(Network.X, Network.LINKEDIN, Network.X, Network.BLUESKY, Network.FACEBOOK), text);
        assertThat(problems).extracting(TextProblem::network, TextProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Network.X, Code.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple(Network.LINKEDIN, Code.ESCAPED_CHARACTERS),
                org.assertj.core.groups.Tuple.tuple(Network.LINKEDIN, Code.ESCAPED_CHARACTERS),
                org.assertj.core.groups.Tuple.tuple(Network.BLUESKY, Code.TOO_LONG));
        assertThat(validator.validate(EnumSet.allOf(Network.class), "Hello")).isEmpty();
    }

    @Test
    void problemsOfOneNetworkAreInTextOrder() {
        List<TextProblem> problems = validator.validate(Network.X, "\uFEFF" + a(300) + "\uFFFF");
        assertThat(problems).extracting(TextProblem::code)
                .containsExactly(Code.INVALID_CHARACTER, Code.TOO_LONG, Code.INVALID_CHARACTER);
        assertThat(problems).isSortedAccordingTo(java.util.Comparator.comparingInt(TextProblem::start));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new TextLimits(0, 300, 3000, 3000, 500, 23, 500, 63206, 100, 5000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x max weighted length");
        assertThatThrownBy(() -> new TextLimits(280, 300, 3000, 3000, 500, -1, 500, 63206, 100, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextProblem(Network.X, TextProblem.Field.TEXT, Code.EMPTY,
                TextProblem.Severity.ERROR, "m", 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeasureIsTheSameCountAsTheProblemItGoesWith() {
        // X counts a link as 23 however long; the counter says so, and goes over exactly where TOO_LONG appears.
        String link = " https://ico.org.uk/guidance/subject-access-requests-a-long-address";
        assertThat(validator.measure(Network.X, a(10) + link)).singleElement().satisfies(m -> {
            assertThat(m.used()).isEqualTo(10 + 1 + 23);
            assertThat(m.limit()).isEqualTo(280);
            assertThat(m.unit()).isEqualTo("weighted characters");
            assertThat(m.over()).isFalse();
        });
        assertThat(validator.measure(Network.X, a(280)).get(0).over()).isFalse();
        assertThat(validator.measure(Network.X, a(281)).get(0).over()).isTrue();
        assertThat(validator.validate(Network.X, a(281)).get(0).message()).contains("281 of at most 280");
        // Bluesky has two limits, both counted; a reply on Facebook is a comment with its own.
        assertThat(validator.measure(Network.BLUESKY, GRIN)).extracting(TextMeasure::used).containsExactly(1L, 4L);
        assertThat(validator.measureReply(Network.FACEBOOK, a(8_001))).singleElement().satisfies(m -> {
            assertThat(m.limit()).isEqualTo(8_000);
            assertThat(m.field()).isEqualTo(TextProblem.Field.COMMENT);
            assertThat(m.over()).isTrue();
        });
        assertThat(validator.measureTitle(Network.YOUTUBE, a(101)).get(0).limit()).isEqualTo(100);
        assertThat(validator.measureTitle(Network.X, "x")).isEmpty();
        assertThat(validator.measure(Network.FLICKR, "x")).isEmpty();
    }
}
