package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.drafting.domain.rules.TextFixtures.CJK;
import static org.clearpost.drafting.domain.rules.TextFixtures.E_ACUTE_DECOMPOSED;
import static org.clearpost.drafting.domain.rules.TextFixtures.FAMILY;
import static org.clearpost.drafting.domain.rules.TextFixtures.a;

import java.util.List;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class MastodonTextRuleTest {

    private static final String LONG_URL = "https://ico.org.uk/for-organisations/" + "x".repeat(200);

    private final TextValidator validator = new TextValidator(TextLimits.DEFAULTS);

    private List<TextProblem> mastodon(String text) {
        return validator.validate(Network.MASTODON, text);
    }

    @Test
    void fiveHundredPassAndOneMoreFails() {
        assertThat(mastodon(a(500))).isEmpty();
        assertThat(mastodon(a(501))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LONG);
            assertThat(p.start()).isEqualTo(500);
            assertThat(p.end()).isEqualTo(501);
        });
    }

    @Test
    void anyLinkCountsTwentyThree() {
        assertThat(mastodon(a(476) + " " + LONG_URL)).isEmpty();
        assertThat(mastodon(a(477) + " " + LONG_URL)).singleElement().satisfies(p -> {
            assertThat(p.start()).isEqualTo(478); // the link, which counts as a whole
            assertThat(p.message()).contains("501 of at most 500");
        });
        assertThat(mastodon(a(476) + " http://x.co")).isEmpty(); // a short link counts 23 too: 477 + 23
        assertThat(mastodon(a(477) + " http://x.co")).hasSize(1);
    }

    @Test
    void aDomainWithoutProtocolIsPlainText() {
        assertThat(mastodon(a(489) + " ico.org.uk")).isEmpty(); // 500 characters
        assertThat(mastodon(a(490) + " ico.org.uk")).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(500));
    }

    @Test
    void aRemoteMentionCountsOnlyItsLocalName() {
        String mention = "@ico@social.ico.example.org.uk"; // counts as "@ico", 4
        assertThat(mastodon(mention + " " + a(495))).isEmpty();
        assertThat(mastodon(mention + " " + a(496))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(mention.length() + 1 + 495));
        // An e-mail address is no mention: the @ follows a word character.
        assertThat(mastodon("dpo@ico.example.org.uk " + a(477))).isEmpty(); // 500
        assertThat(mastodon("dpo@ico.example.org.uk " + a(478))).hasSize(1);
    }

    @Test
    void emojiCombiningMarksAndCjkCountAsGraphemes() {
        assertThat(mastodon(FAMILY.repeat(500))).isEmpty();
        assertThat(mastodon(FAMILY.repeat(501))).singleElement()
                .satisfies(p -> assertThat(p.start()).isEqualTo(500 * FAMILY.length()));
        assertThat(mastodon(E_ACUTE_DECOMPOSED.repeat(500))).isEmpty();
        assertThat(mastodon(CJK.repeat(500))).isEmpty();
        assertThat(mastodon(CJK.repeat(501))).hasSize(1);
    }

    @Test
    void theInstanceLimitIsConfiguration() {
        TextLimits d = TextLimits.DEFAULTS;
        TextValidator bigInstance = new TextValidator(new TextLimits(d.xMaxWeightedLength(),
                d.blueskyMaxGraphemes(), d.blueskyMaxBytes(), d.linkedInMaxCharacters(), 5000, 23,
                d.threadsMaxCharacters(), d.facebookMaxCharacters(), d.youTubeMaxTitleCharacters(),
                d.youTubeMaxDescriptionBytes()));
        assertThat(bigInstance.validate(Network.MASTODON, a(5000))).isEmpty();
        assertThat(bigInstance.validate(Network.MASTODON, a(5001))).hasSize(1);
    }
}
