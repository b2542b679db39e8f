package org.clearpost.clearance.preelection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.clearance.impartiality.PolicyTerms;
import org.clearpost.events.PostDrafted;
import org.junit.jupiter.api.Test;

class PurdahRulesTest {

    private static final PolicyTerms TERMS = new PolicyTerms(List.of("Labour"), List.of(), List.of(), List.of(),
            Map.of("x", Set.of("UKLabour")));
    // 00:00 BST on 1 April 2029 to 00:00 BST on 4 May 2029
    private static final Instant STARTS = Instant.parse("2029-03-31T23:00:00Z");
    private static final Instant ENDS = Instant.parse("2029-05-03T23:00:00Z");

    @Test
    void onlyEssentialPostsMayBeCleared() {
        assertThat(refusals(DraftedPostMother.byDana())).singleElement().asString()
                .contains("only posts with an essential reason");
        assertThat(refusals(DraftedPostMother.essential("Office closure affects the public"))).isEmpty();
    }

    @Test
    void aCaseOpenedBeforeTheDraftedEventWasKeptHasNoEssentialReasonSoIsRefused() {
        assertThat(refusals(null)).singleElement().asString().contains("only posts with an essential reason");
    }

    @Test
    void aRepostOfAPartyPoliticalAccountIsRefusedEvenWhenEssential() {
        PostDrafted repost = DraftedPostMother.repostOf("@ukLabour");
        PostDrafted essentialRepost = new PostDrafted(repost.postId(), 1, repost.contentHash(), "dana", repost.text(),
                repost.targets(), null, null, null, "Public safety", null, repost.repostOf(), List.of(),
                repost.submittedAt());

        assertThat(refusals(essentialRepost)).singleElement().asString().contains("party-political");
    }

    @Test
    void aCampaignStartingInsideThePeriodIsRefusedOneStartedBeforeMayContinue() {
        assertThat(refusals(essentialCampaign(LocalDate.of(2029, 4, 1)))).singleElement().asString()
                .contains("new campaigns cannot start");
        assertThat(refusals(essentialCampaign(LocalDate.of(2029, 5, 3)))).hasSize(1);
        assertThat(refusals(essentialCampaign(LocalDate.of(2029, 3, 31)))).isEmpty();
        assertThat(refusals(essentialCampaign(LocalDate.of(2029, 5, 4)))).isEmpty();
    }

    private static PostDrafted essentialCampaign(LocalDate startsOn) {
        PostDrafted p = DraftedPostMother.forCampaign("spring", startsOn);
        return new PostDrafted(p.postId(), 1, p.contentHash(), "dana", p.text(), p.targets(), null, p.campaign(),
                null, "Statutory deadline reminder", null, null, List.of(), p.submittedAt());
    }

    private static List<String> refusals(PostDrafted drafted) {
        return PurdahRules.refusals(drafted, "General 2029", STARTS, ENDS, TERMS);
    }
}
