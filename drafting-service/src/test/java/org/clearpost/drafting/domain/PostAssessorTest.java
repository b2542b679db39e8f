package org.clearpost.drafting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.clearpost.drafting.domain.checks.CheckSettings;
import org.clearpost.drafting.domain.checks.ContentChecks;
import org.clearpost.drafting.domain.rules.MediaLimits;
import org.clearpost.drafting.domain.rules.MediaRules;
import org.clearpost.drafting.domain.rules.TextLimits;
import org.clearpost.drafting.domain.rules.TextValidator;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class PostAssessorTest {

    private static final OwnSiteLinks OWN_SITE = new OwnSiteLinks(List.of("ico.org.uk"));
    private static final PostAssessor ASSESSOR = new PostAssessor(new TextValidator(TextLimits.DEFAULTS),
            new MediaRules(Map.of(Network.X, new MediaLimits(4, 1, 0, false, 5 << 20, 512 << 20, 0, null),
                    Network.YOUTUBE, new MediaLimits(0, 1, 0, false, 0, 1L << 38, 0, MediaKind.VIDEO))),
            new ContentChecks(CheckSettings.DEFAULTS, OWN_SITE), OWN_SITE);
    private static final Function<List<UUID>, List<MediaItem>> NO_MEDIA = ids -> List.of();
    private static final String TEXT = "Our new guidance on cookies is out: https://ico.org.uk/cookies";

    private static Assessment assess(PostContent content) {
        return ASSESSOR.assess(content, content.targets().stream().map(t -> UUID.randomUUID()).toList(), NO_MEDIA);
    }

    private static PostContent.TargetContent target(Network network, String account, String text) {
        return new PostContent.TargetContent(network, account, text, null, List.of(), null, null);
    }

    @Test
    void eachTargetGetsItsOverrideOrTheBaseTextWithLinksTaggedForItsNetwork() {
        Assessment assessment = assess(new PostContent(TEXT, List.of(), List.of(
                target(Network.X, "ico", null),
                target(Network.LINKEDIN, "ico-li", "For LinkedIn: https://ico.org.uk/cookies")),
                "cookie-week", null, null, null, null, null));

        assertThat(assessment.targets()).extracting(RenderedTarget::text).containsExactly(
                "Our new guidance on cookies is out: "
                        + "https://ico.org.uk/cookies?utm_source=x&utm_medium=social&utm_campaign=cookie-week",
                "For LinkedIn: "
                        + "https://ico.org.uk/cookies?utm_source=linkedin&utm_medium=social&utm_campaign=cookie-week");
        assertThat(assessment.hasErrors()).isFalse();
    }

    @Test
    void everyTargetCarriesTheThreadWithItsLinksTaggedForItsNetwork() {
        Assessment assessment = assess(new PostContent(TEXT, List.of("Part two.", "More: https://ico.org.uk/b"),
                List.of(target(Network.X, "ico", null), target(Network.FACEBOOK, "1", "Facebook's own text")),
                null, null, null, null, null, null));

        assertThat(assessment.targets().get(0).threadParts())
                .containsExactly("Part two.", "More: https://ico.org.uk/b?utm_source=x&utm_medium=social");
        assertThat(assessment.targets().get(1).threadParts())
                .containsExactly("Part two.", "More: https://ico.org.uk/b?utm_source=facebook&utm_medium=social");
        assertThat(assessment.targets().get(1).text()).isEqualTo("Facebook's own text");
    }

    @Test
    void problemsNameTheTargetFieldAndPositionInTheRenderedText() {
        String tooLong = "a".repeat(290);
        Assessment assessment = assess(new PostContent(TEXT, List.of(tooLong), List.of(
                target(Network.FACEBOOK, "1", null), target(Network.X, "ico", null)), null, null, null, null, null,
                null));

        assertThat(assessment.problems()).filteredOn(ContentIssue::isError).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("targets[1].threadParts[0]");
            assertThat(p.network()).isEqualTo(Network.X);
            assertThat(p.account()).isEqualTo("ico");
            assertThat(p.code()).isEqualTo("TOO_LONG");
            assertThat(p.targetId()).isEqualTo(assessment.targets().get(1).targetId());
            assertThat(p.start()).isEqualTo(280);
            assertThat(p.end()).isEqualTo(290);
        });
    }

    @Test
    void threadPartsAndFirstCommentsAreCheckedAsWhatTheyArePublishedAs() {
        // Facebook publishes thread parts and first comments as comments (8,000), not as posts (63,206);
        // LinkedIn's comments take 1,250. On X a thread part is a post in reply: the same 280.
        String facebookPart = "b".repeat(8_001);
        Assessment assessment = assess(new PostContent(TEXT, List.of(facebookPart), List.of(
                target(Network.FACEBOOK, "1", "c".repeat(9_000)),
                new PostContent.TargetContent(Network.LINKEDIN, "ico-li", "Short.", null, List.of(),
                        "d".repeat(1_251), null)), null, null, null, null, null, null));

        assertThat(assessment.problems()).filteredOn(ContentIssue::isError)
                .extracting(ContentIssue::field, ContentIssue::code, ContentIssue::start).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("targets[0].threadParts[0]", "TOO_LONG", 8_000),
                        org.assertj.core.groups.Tuple.tuple("targets[1].threadParts[0]", "TOO_LONG", 1_250),
                        org.assertj.core.groups.Tuple.tuple("targets[1].firstComment", "TOO_LONG", 1_250));
        assertThat(assessment.problems()).filteredOn(p -> p.field().equals("targets[0].threadParts[0]"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("Facebook (comment)", "8,000"));
    }

    @Test
    void aReplyToAMentionIsCheckedAsAnAnswerNotAsAPost() {
        Assessment onFacebook = assess(new PostContent("e".repeat(8_001), List.of(),
                List.of(target(Network.FACEBOOK, "1", null)), null, null, null, UUID.randomUUID(), null, null));
        Assessment asAPost = assess(new PostContent("e".repeat(8_001), List.of(),
                List.of(target(Network.FACEBOOK, "1", null)), null, null, null, null, null, null));

        assertThat(onFacebook.problems()).filteredOn(ContentIssue::isError).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("targets[0].text"));
        assertThat(asAPost.problems()).filteredOn(ContentIssue::isError).isEmpty();
    }

    @Test
    void youTubeNeedsATitleAndAVideo() {
        Assessment assessment = assess(new PostContent(TEXT, List.of(), List.of(target(Network.YOUTUBE, "ico", null)),
                null, null, null, null, null, null));

        assertThat(assessment.issues()).filteredOn(ContentIssue::isError).extracting(ContentIssue::field,
                ContentIssue::code).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("targets[0].title", "EMPTY"),
                        org.assertj.core.groups.Tuple.tuple("targets[0].media", "MEDIA_REQUIRED"));
    }

    @Test
    void mediaComeInTheSelectedOrderAndImagesWithoutAltTextBlock() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<UUID, MediaItem> library = Map.of(
                first, new MediaItem(first, MediaKind.IMAGE, "image/png", 10, "0".repeat(64), "A chart", null, null),
                second, new MediaItem(second, MediaKind.IMAGE, "image/png", 10, "0".repeat(64), null, null, null));
        PostContent content = new PostContent(TEXT, List.of(), List.of(new PostContent.TargetContent(Network.X,
                "ico", null, null, List.of(second, first), null, null)), null, null, null, null, null, null);

        Assessment assessment = ASSESSOR.assess(content, List.of(UUID.randomUUID()),
                ids -> ids.stream().map(library::get).toList());

        assertThat(assessment.targets().get(0).media()).extracting(MediaItem::mediaId).containsExactly(second, first);
        assertThat(assessment.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("alt-text");
            assertThat(i.field()).isEqualTo("targets[0].media[0]");
            assertThat(i.isError()).isTrue();
        });
    }

    @Test
    void warningsAreKeptApartFromProblems() {
        Assessment assessment = assess(new PostContent("New guidance on cookies #cookieguidance", List.of(),
                List.of(target(Network.X, "ico", null)), null, null, null, null, null, null));

        assertThat(assessment.hasErrors()).isFalse();
        assertThat(assessment.warnings()).extracting(ContentIssue::code)
                .containsExactly("own-site-link", "hashtag-case");
        assertThat(assessment.problems()).isEmpty();
    }

    @Test
    void repliesNeedNoLinkToOurSite() {
        Assessment assessment = assess(new PostContent("Thanks, we will look into it.", List.of(),
                List.of(target(Network.X, "ico", null)), null, null, null, UUID.randomUUID(), null, null));

        assertThat(assessment.issues()).isEmpty();
    }

    @Test
    void aShareCarriesWhatTheSharedTargetPublishesAndIsNotCheckedAgain() {
        PostContent content = new PostContent("No link here #cookieguidance", List.of(), List.of(
                target(Network.X, "ico", null),
                new PostContent.TargetContent(Network.X, "ico-corporate", null, null, List.of(), null, "ico")),
                "cookie-week", null, null, null, null, null);
        UUID shared = UUID.randomUUID();
        UUID sharing = UUID.randomUUID();

        Assessment assessment = ASSESSOR.assess(content, List.of(shared, sharing), NO_MEDIA);

        assertThat(assessment.targets().get(1).sharesTargetId()).isEqualTo(shared);
        assertThat(assessment.targets().get(1).text()).isEqualTo(assessment.targets().get(0).text());
        assertThat(assessment.issues()).extracting(ContentIssue::targetId).containsOnly(shared);
    }
}
