package org.clearpost.monitoring.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModerationAndFoiTest {

    static final Moderation MODERATION = Moderation.of(Configs.triage());
    static final FoiDetector FOI = new FoiDetector(true);

    @ParameterizedTest
    @ValueSource(strings = { "what the fuck is the ICO doing", "f*ck the regulator", "F**KING useless",
            "this is sh!t", "you absolute b@stard", "fuuuuck off", "total bollocks from @ico" })
    void profanityIsHiddenAsAbuseWithItsObfuscations(String text) {
        assertThat(MODERATION.reasons(text)).singleElement().asString().startsWith("abuse: profanity");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Scunthorpe council data breach", "I passed the shitake mushrooms", "Prickly heat all week",
            "How do I make a subject access request?", "Sussex police fined" })
    void wordsThatOnlyContainOneAreShown(String text) {
        assertThat(MODERATION.reasons(text)).isEmpty();
    }

    @Test
    void spamRulesNameWhatMatched() {
        assertThat(MODERATION.reasons("win big http://a.example http://b.example www.c.example"))
                .containsExactly("spam: 3 links");
        assertThat(MODERATION.reasons("sooooooooo true")).singleElement().asString().contains("repeated");
        assertThat(MODERATION.reasons("Follow  back and I follow you")).containsExactly("spam: phrase (follow  back)");
        assertThat(MODERATION.reasons("Free Bitcoin airdrop today")).containsExactly("spam: crypto (bitcoin)");
        assertThat(MODERATION.reasons("Two links http://a.example and http://b.example are fine")).isEmpty();
    }

    @Test
    void aRequestWithANameAndAnAddressIsAPossibleFoiRequest() {
        assertThat(FOI.possibleFoi("Under the Freedom of Information Act please send me the number of fines issued "
                + "in 2025", "Jane Smith", "janesmith")).isTrue();
        assertThat(FOI.possibleFoi("I request copies of your board minutes. My name is Jane Smith, reply to "
                + "jane@example.org", "JS", null)).isTrue();
        assertThat(FOI.possibleFoi("Please provide the information you hold on complaints about my council, "
                + "post to 1 High St, Wilmslow SK9 5AF", "Jane Smith", null)).isTrue();
    }

    @Test
    void withoutARequestARealNameOrAnAddressItIsNot() {
        assertThat(FOI.possibleFoi("Love the new guidance!", "Jane Smith", "janesmith")).isFalse();
        assertThat(FOI.possibleFoi("Please send me the information on fines", "ico_watcher99", "ico_watcher99"))
                .isFalse();
        assertThat(new FoiDetector(false).possibleFoi("Please send me the information on fines", "Jane Smith",
                "janesmith")).isFalse();
    }
}
