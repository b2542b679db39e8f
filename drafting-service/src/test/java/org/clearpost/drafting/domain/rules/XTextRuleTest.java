package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.CJK;
import static org.clearpost.drafting.domain.rules.TextFixtures.E_ACUTE_DECOMPOSED;
import static org.clearpost.drafting.domain.rules.TextFixtures.FAMILY;
import static org.clearpost.drafting.domain.rules.TextFixtures.FLAG_GB;
import static org.clearpost.drafting.domain.rules.TextFixtures.FLAG_WALES;
import static org.clearpost.drafting.domain.rules.TextFixtures.GRIN;
import static org.clearpost.drafting.domain.rules.TextFixtures.THUMBS_MEDIUM;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.drafting.domain.rules.TextProblem.Severity;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class XTextRuleTest {

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    private List<TextProblem> x(String text) {
        return validator.validate(Network.X, text);
    }

    private static void assertTooLong(List<TextProblem> problems, int start, int end) {
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.network()).isEqualTo(Network.X);
            assertThat(p.field()).isEqualTo(Field.TEXT);
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.start()).isEqualTo(start);
            assertThat(p.end()).isEqualTo(end);
        });
    }

    @Test
    void latinTextAtTheLimitPassesAndOneMoreFails() {
        assertThat(x(a(280))).isEmpty();
        assertTooLong(x(a(281)), 280, 281);
        assertThat(x(a(281)).get(0).message()).contains("281 of at most 280", "shorten by 1");
    }

    @Test
    void everyUrlCountsTwentyThreeHoweverLong() {
        String url = "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/" + a(100);
        assertThat(TwitterTextParser.parseTweet(url).weightedLength).isEqualTo(23);
        assertThat(x(a(256) + " " + url)).isEmpty();
        // One over: the whole link is what does not fit, so the problem starts where the link starts.
        assertTooLong(x(a(257) + " " + url), 258, 258 + url.length());
    }

    @Test
    void aBareDomainIsAUrlTooAndCountsTwentyThreeEvenWhenShorter() {
        assertThat(TwitterTextParser.parseTweet("ico.org.uk").weightedLength).isEqualTo(23);
        String text = a(257) + " ico.org.uk"; // 268 characters, but 281 for X
        assertTooLong(x(text), 258, 268);
    }

    @Test
    void emojiCountTwoWhateverTheirSequence() {
        for (String emoji : List.of(GRIN, FAMILY, FLAG_GB, FLAG_WALES, THUMBS_MEDIUM)) {
            assertThat(TwitterTextParser.parseTweet(emoji).weightedLength).as(emoji).isEqualTo(2);
            assertThat(x(emoji.repeat(140))).as(emoji).isEmpty();
            int at = emoji.length() * 140;
            assertTooLong(x(emoji.repeat(141)), at, at + emoji.length());
        }
    }

    @Test
    void cjkCountsTwo() {
        assertThat(x(CJK.repeat(140))).isEmpty();
        assertTooLong(x(CJK.repeat(141)), 140, 141);
        String mixed = CJK.repeat(100) + GRIN.repeat(40); // 200 + 80
        assertThat(x(mixed)).isEmpty();
        assertTooLong(x(mixed + "a"), 180, 181);
    }

    @Test
    void combiningMarksAreCountedAfterNfcAndPositionsStayInTheGivenText() {
        // e + U+0301 normalises to é, weight 1: 280 of them fit although they are 560 UTF-16 characters.
        assertThat(x(E_ACUTE_DECOMPOSED.repeat(280))).isEmpty();
        // The library maps its NFC range back by a constant offset (it would say 561, inside the last é);
        // the position is mapped back properly: the 281st é starts at 560.
        assertTooLong(x(E_ACUTE_DECOMPOSED.repeat(281)), 560, 562);
        // A prefix already in NFC before decomposed characters.
        assertTooLong(x(a(279) + E_ACUTE_DECOMPOSED.repeat(2)), 281, 283);
    }

    @Test
    void anOverflowInsideAClusterIsShownFromTheClusterStart() {
        // Combining marks after NFC still weigh 1 each: a + 4 marks -> à + 3 marks = 4.
        String zalgo = TextFixtures.ZALGO_A;
        assertThat(TwitterTextParser.parseTweet(zalgo).weightedLength).isEqualTo(4);
        assertTooLong(x(a(278) + zalgo), 278, 283);
    }

    @Test
    void invalidCharactersAreLocatedAndDoNotHideTheLengthProblem() {
        assertThat(x("ab\uFEFFcd")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.INVALID_CHARACTER);
            assertThat(p.start()).isEqualTo(2);
            assertThat(p.end()).isEqualTo(3);
            assertThat(p.message()).contains("U+FEFF");
        });
        // U+FEFF weighs 2, so 278 more fit; the library's own valid range stops at the invalid character.
        List<TextProblem> problems = x("\uFEFF" + a(279));
        assertThat(problems).extracting(TextProblem::code).containsExactly(Code.INVALID_CHARACTER, Code.TOO_LONG);
        assertThat(problems.get(1).start()).isEqualTo(279);
        assertThat(problems.get(1).message()).contains("281 of at most 280");
    }

    @Test
    void theStandInForAnInvalidCharacterWeighsTheSame() {
        for (String invalid : List.of("\uFEFF", "\uFFFE", "\uFFFF")) {
            assertThat(TwitterTextParser.parseTweet(invalid).weightedLength)
                    .isEqualTo(TwitterTextParser.parseTweet(String.valueOf(XTextRule.SAME_WEIGHT_VALID)).weightedLength);
        }
    }

    @Test
    void thePremiumLimitIsConfiguration() {
        TextValidator premium = new TextValidator(TextFixtures.withX(25_000));
        assertThat(premium.validate(Network.X, a(25_000))).isEmpty();
        assertThat(premium.validate(Network.X, a(25_001))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(25_000));
        assertThat(XTextRule.configuration(280)).isSameAs(TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG);
    }

    @Test
    void aRealisticPostFits() {
        assertThat(x("Our new guidance on subject access requests is out \uD83D\uDC49 "
                + "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/"
                + "right-of-access/ #DataProtection @ICOnews")).isEmpty();
    }
}
