package org.clearpost.drafting.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.clearpost.drafting.domain.OwnSiteLinks;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class ContentChecksTest {

    private static final OwnSiteLinks OWN_SITE = new OwnSiteLinks(List.of("ico.org.uk"));
    private static final ContentChecks DEFAULTS = new ContentChecks(CheckSettings.DEFAULTS, OWN_SITE);
    private static final String PLAIN = "You can ask us for a copy of your data. It is free. We will reply in a "
            + "month. Read how: https://ico.org.uk/sar?utm_source=x&utm_medium=social";

    private static CheckInput input(String text) {
        return new CheckInput(Network.X, text, List.of(), null, List.of(), true);
    }

    private static List<String> checks(ContentChecks checks, CheckInput input) {
        return checks.check(input).stream().map(Finding::check).toList();
    }

    @Test
    void plainEnglishWithALinkPassesEverything() {
        assertThat(DEFAULTS.check(input(PLAIN))).isEmpty();
    }

    @Test
    void longWordsInLongSentencesAreHardToRead() {
        String text = "Organisations processing considerable quantities of personal information must "
                + "demonstrate accountability through comprehensive documentation, appropriate organisational "
                + "measures and continuous evaluation of their information governance arrangements at "
                + "https://ico.org.uk/accountability";
        List<Finding> findings = DEFAULTS.check(input(text));
        assertThat(findings).extracting(Finding::check)
                .containsExactly(ContentChecks.READING_EASE, ContentChecks.READING_AGE);
        assertThat(findings).allSatisfy(f -> assertThat(f.mode()).isEqualTo(CheckMode.WARN));
        assertThat(findings.get(1).message()).contains("Reading age");
    }

    @Test
    void shortTextsAreNotScoredForReadability() {
        assertThat(checks(DEFAULTS, input("Accountability documentation https://ico.org.uk"))).isEmpty();
    }

    @Test
    void anInformativePostWithoutALinkToOurSiteIsFlaggedUnlessItIsNotInformative() {
        assertThat(checks(DEFAULTS, input("We have new guidance out today on cookies."))).containsExactly(
                ContentChecks.OWN_SITE_LINK);
        assertThat(checks(DEFAULTS, new CheckInput(Network.X, "We have new guidance out today on cookies.",
                List.of(), null, List.of(), false))).isEmpty();
        assertThat(checks(DEFAULTS, new CheckInput(Network.LINKEDIN, "New guidance on cookies.", List.of(),
                "Read it at https://ico.org.uk/cookies", List.of(), true))).isEmpty();
    }

    @Test
    void aLinkTaggedForAnotherNetworkIsFlaggedWithItsPosition() {
        String text = "See https://ico.org.uk/a?utm_source=facebook now";
        List<Finding> findings = DEFAULTS.check(input(text));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(ContentChecks.UTM);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("https://ico.org.uk/a?utm_source=facebook");
        });
    }

    @Test
    void everyImageNeedsAltTextAndTheCheckBlocksByDefault() {
        MediaItem described = image("A chart of complaints by month");
        MediaItem bare = image(" ");
        MediaItem video = new MediaItem(UUID.randomUUID(), MediaKind.VIDEO, "video/mp4", 10, "0".repeat(64), null,
                null, null);
        List<Finding> findings = DEFAULTS.check(new CheckInput(Network.X, PLAIN, List.of(), null,
                List.of(described, bare, video), true));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(ContentChecks.ALT_TEXT);
            assertThat(f.field()).isEqualTo("media[1]");
            assertThat(f.mode()).isEqualTo(CheckMode.BLOCK);
        });
    }

    @Test
    void runTogetherHashtagsInOneCaseAreFlaggedButCamelCaseAndShortOnesAreNot() {
        String text = "Join us #cleanairzone #DATAPROTECTIONDAY #CleanAirZone #gdpr #NHS " + PLAIN;
        List<Finding> findings = DEFAULTS.check(input(text));
        assertThat(findings).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("#cleanairzone", "#DATAPROTECTIONDAY");
        assertThat(findings).extracting(Finding::check).containsOnly(ContentChecks.HASHTAG_CASE);
    }

    @Test
    void capitalsAboveTheRatioAreShoutingButAcronymsInOrdinaryTextAreNot() {
        assertThat(checks(DEFAULTS, input("DO NOT MISS OUR NEW GUIDANCE https://ico.org.uk")))
                .containsExactly(ContentChecks.SHOUTING);
        assertThat(checks(DEFAULTS, input("The ICO and the NHS have new guidance https://ico.org.uk"))).isEmpty();
    }

    @Test
    void tooManyEmojiPerWordAreFlagged() {
        assertThat(checks(DEFAULTS, input("New guidance 🎉🎉🎉 👍 https://ico.org.uk")))
                .containsExactly(ContentChecks.EMOJI);
        assertThat(checks(DEFAULTS, input("Our new guidance on cookies is out today 🎉 https://ico.org.uk")))
                .isEmpty();
    }

    @Test
    void threadPartsAreCheckedWithTheirOwnField() {
        List<Finding> findings = DEFAULTS.check(new CheckInput(Network.X, PLAIN, List.of("More at #cleanairzone"),
                null, List.of(), true));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("threadParts[0]"));
    }

    @Test
    void aCheckTurnedOffIsNotRunAndABlockingOneSaysSo() {
        CheckSettings d = CheckSettings.DEFAULTS;
        CheckSettings settings = new CheckSettings(d.readingEase(), d.readingEaseMinScore(), d.readingAge(),
                d.readingAgeMax(), d.readabilityMinWords(), CheckMode.OFF, d.utm(), d.altText(), CheckMode.BLOCK,
                d.hashtagMinLength(), d.shouting(), d.shoutingMaxRatio(), d.shoutingMinLetters(), d.emoji(),
                d.emojiMaxPerWord());
        List<Finding> findings = new ContentChecks(settings, OWN_SITE).check(input("No link #cleanairzone"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(ContentChecks.HASHTAG_CASE);
            assertThat(f.mode()).isEqualTo(CheckMode.BLOCK);
        });
    }

    private static MediaItem image(String alt) {
        return new MediaItem(UUID.randomUUID(), MediaKind.IMAGE, "image/png", 1000, "0".repeat(64), alt, null, null);
    }
}
