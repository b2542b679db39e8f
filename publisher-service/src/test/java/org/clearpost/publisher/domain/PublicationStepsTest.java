package org.clearpost.publisher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.Network;
import org.clearpost.publisher.network.PublishStep;
import org.junit.jupiter.api.Test;

class PublicationStepsTest {

    private static final PublicationContent THREAD = new PublicationContent(List.of("two", "three"), "comment",
            List.of(), null, null);

    @Test
    void aThreadIsThePostItsPartsEachAnsweringTheLastThenTheCommentUnderThePost() {
        Publication p = publication(Network.X, "one");
        assertThat(PublicationSteps.count(THREAD, false)).isEqualTo(4);

        assertThat(step(p, THREAD)).isEqualTo(new PublishStep.Post("one", List.of()));
        p.stepsDone = 1;
        p.externalId = "100";
        p.lastExternalId = "100";
        assertThat(step(p, THREAD)).isEqualTo(new PublishStep.Reply("two", List.of(), "100"));
        p.stepsDone = 2;
        p.lastExternalId = "101";
        assertThat(step(p, THREAD)).isEqualTo(new PublishStep.Reply("three", List.of(), "101"));
        p.stepsDone = 3;
        p.lastExternalId = "102";
        assertThat(step(p, THREAD)).isEqualTo(new PublishStep.Reply("comment", List.of(), "100"));
        assertThat(PublicationSteps.describe(2, THREAD)).isEqualTo("thread part 3 of 3");
        assertThat(PublicationSteps.describe(3, THREAD)).isEqualTo("the first comment");
    }

    @Test
    void aRepostWithoutTextIsAPlainRepostAndWithTextAQuote() {
        ExternalPost original = new ExternalPost(Network.X, "77", "nhs", "https://x.com/nhs/status/77", null);
        PublicationContent repost = new PublicationContent(List.of(), null, List.of(), null, original);

        assertThat(step(publication(Network.X, ""), repost))
                .isEqualTo(new PublishStep.Share(null, "77", "https://x.com/nhs/status/77"));
        assertThat(step(publication(Network.X, "Worth a read"), repost))
                .isEqualTo(new PublishStep.Share("Worth a read", "77", "https://x.com/nhs/status/77"));
    }

    @Test
    void aShareOnXNeverCarriesTextAndWaitsOnlyForAPublishedTarget() {
        Publication campaign = publication(Network.X, "Recycling week");
        campaign.status = PublicationStatus.PUBLISHED;
        campaign.externalId = "500";
        campaign.url = "https://x.com/campaign/status/500";
        Publication share = publication(Network.X, "Recycling week");
        share.sharesTargetId = campaign.targetId;

        assertThat(PublicationSteps.next(share, PublicationContent.PLAIN, campaign))
                .isEqualTo(new PublicationSteps.Call(new PublishStep.Share(null, "500", campaign.url)));
        Publication page = publication(Network.FACEBOOK, "Recycling week");
        page.sharesTargetId = campaign.targetId;
        assertThat(PublicationSteps.next(page, PublicationContent.PLAIN, campaign))
                .isEqualTo(new PublicationSteps.Call(new PublishStep.Share("Recycling week", "500", campaign.url)));

        campaign.status = PublicationStatus.FAILED;
        campaign.failureReason = "X refused the post (403): locked";
        assertThat(PublicationSteps.next(share, PublicationContent.PLAIN, campaign)).isEqualTo(
                new PublicationSteps.Impossible("the shared X post of acct was not published (FAILED: X refused the "
                        + "post (403): locked)"));
        assertThat(PublicationSteps.next(share, PublicationContent.PLAIN, null)).isInstanceOf(
                PublicationSteps.Impossible.class);
    }

    @Test
    void aReplyGoesOnlyToTheNetworkOfThePostItAnswers() {
        ExternalPost mention = new ExternalPost(Network.X, "42", "resident", null, UUID.randomUUID());
        PublicationContent reply = new PublicationContent(List.of(), null, List.of(), mention, null);

        assertThat(step(publication(Network.X, "Thanks"), reply))
                .isEqualTo(new PublishStep.Reply("Thanks", List.of(), "42"));
        assertThat(PublicationSteps.next(publication(Network.FACEBOOK, "Thanks"), reply, null)).isEqualTo(
                new PublicationSteps.Impossible("a reply to a post on X can only be published on X"));
    }

    private static PublishStep step(Publication publication, PublicationContent content) {
        PublicationSteps.Next next = PublicationSteps.next(publication, content, null);
        assertThat(next).isInstanceOf(PublicationSteps.Call.class);
        return ((PublicationSteps.Call) next).step();
    }

    private static Publication publication(Network network, String text) {
        Publication p = new Publication();
        p.id = UUID.randomUUID();
        p.targetId = UUID.randomUUID();
        p.network = network;
        p.account = "acct";
        p.text = text;
        p.status = PublicationStatus.PENDING;
        return p;
    }
}
