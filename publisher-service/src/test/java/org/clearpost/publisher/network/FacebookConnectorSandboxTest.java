package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The Facebook Page connector against the real network sandbox (plain JUnit, no Quarkus start). */
class FacebookConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final FacebookConnector connector = new FacebookConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    private final AccessToken token = new AccessToken("facebook-connector-test-" + UUID.randomUUID());
    // A Page of its own per test, so that look-ups see only this test's posts.
    private final String page = "1049" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

    @Test
    void aTextPostIsPublishedOnceWithItsUrl() {
        String text = "Our guidance on subject access requests is updated " + UUID.randomUUID();

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of()))));

        assertThat(published.externalId()).startsWith(page + "_");
        assertThat(published.url()).hasToString("https://www.facebook.com/" + published.externalId());
        assertThat(held(text)).singleElement().satisfies(p -> assertThat(p.path("pageId").asText()).isEqualTo(page));
    }

    @Test
    void anImageGoesOutWithItsAltText() {
        String text = "The new office opening hours " + UUID.randomUUID();
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/jpeg", XConnectorSandboxTest.bytes(3_000),
                "A poster of the opening hours", null);

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of(image)))));

        JsonNode post = held(text).get(0);
        assertThat(post.path("id").asText()).isEqualTo(published.externalId());
        assertThat(post.path("kind").asText()).isEqualTo("PHOTO");
        assertThat(post.path("media").get(0).path("altText").asText()).isEqualTo("A poster of the opening hours");
        assertThat(post.path("media").get(0).path("sha256").asText()).isEqualTo(image.sha256());
    }

    @Test
    void aThreadIsAPostAndACommentOnIt() {
        String first = "A thread on breach reporting " + UUID.randomUUID();
        String second = "More: report within 72 hours " + UUID.randomUUID();

        PublishResult.Published head = published(connector.publish(request(new PublishStep.Post(first, List.of()))));
        PublishResult.Published part = published(connector.publish(request(new PublishStep.Reply(second, List.of(),
                head.externalId()))));

        JsonNode comment = held(second).get(0);
        assertThat(comment.path("id").asText()).isEqualTo(part.externalId());
        assertThat(comment.path("kind").asText()).isEqualTo("COMMENT");
        assertThat(comment.path("inReplyTo").asText()).isEqualTo(head.externalId());
    }

    @Test
    void aReplyIsACommentOnAVisitorsPost() {
        String visitorPost = page + "_" + "778899001122";
        String text = "Thanks for asking: the form is on our site " + UUID.randomUUID();

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Reply(text,
                List.of(), visitorPost))));

        assertThat(published.externalId()).startsWith("778899001122_");
        assertThat(held(text)).singleElement()
                .satisfies(c -> assertThat(c.path("inReplyTo").asText()).isEqualTo(visitorPost));
    }

    @Test
    void aVideoIsUploadedToThePageWithItsDescriptionAndUrl() {
        String text = "Our new explainer video " + UUID.randomUUID();
        byte[] bytes = XConnectorSandboxTest.bytes(1_500_000);
        MediaItem video = sandbox.media(MediaKind.VIDEO, "video/mp4", bytes, null, "Explainer");

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of(video)))));

        assertThat(published.url()).hasToString("https://www.facebook.com/" + page + "/videos/"
                + published.externalId());
        JsonNode held = held(text).get(0);
        assertThat(held.path("id").asText()).isEqualTo(published.externalId());
        assertThat(held.path("kind").asText()).isEqualTo("VIDEO");
        assertThat(held.path("media").get(0).path("sha256").asText()).isEqualTo(video.sha256());
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundInTheFeedNotPostedAgain() {
        String text = "Consultation on the new code closes Friday " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.FACEBOOK, 1);

        PublishResult lost = connector.publish(request);
        PublishResult reconciled = connector.reconcile(request);

        assertThat(lost).isInstanceOf(PublishResult.Unknown.class);
        JsonNode post = held(text).get(0);
        PublishResult.Published published = published(reconciled);
        assertThat(published.externalId()).isEqualTo(post.path("id").asText());
        assertThat(published.url()).hasToString(post.path("url").asText());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void aCommentAndAVideoWhoseAnswersWereLostAreFoundWhereTheyShow() {
        PublishResult.Published head = published(connector.publish(request(new PublishStep.Post(
                "Head " + UUID.randomUUID(), List.of()))));
        String commentText = "A comment " + UUID.randomUUID();
        PublishRequest comment = request(new PublishStep.Reply(commentText, List.of(), head.externalId()));
        String videoText = "A video " + UUID.randomUUID();
        PublishRequest video = request(new PublishStep.Post(videoText, List.of(sandbox.media(MediaKind.VIDEO,
                "video/mp4", XConnectorSandboxTest.bytes(10_000), null, null))));
        sandbox.dropAfterAccept(Network.FACEBOOK, 1);
        assertThat(connector.publish(comment)).isInstanceOf(PublishResult.Unknown.class);
        PublishResult.Published foundComment = published(connector.reconcile(comment));
        sandbox.dropAfterAccept(Network.FACEBOOK, 1);
        assertThat(connector.publish(video)).isInstanceOf(PublishResult.Unknown.class);
        PublishResult.Published foundVideo = published(connector.reconcile(video));

        assertThat(foundComment.externalId()).isEqualTo(held(commentText).get(0).path("id").asText());
        assertThat(foundVideo.url()).hasToString(held(videoText).get(0).path("url").asText());
        assertThat(held(commentText)).hasSize(1);
        assertThat(held(videoText)).hasSize(1);
    }

    @Test
    void aStepThatNeverReachedThePageIsToBeTriedAgain() {
        assertThat(connector.reconcile(request(new PublishStep.Post("Never sent " + UUID.randomUUID(), List.of()))))
                .isInstanceOf(PublishResult.Retry.class);
    }

    @Test
    void aLookUpGraphRefusesLeavesTheOutcomeUnknown() {
        PublishRequest request = sandbox.request(Network.FACEBOOK, page, new PublishStep.Post("Anything", List.of()),
                new AccessToken("sandbox-expired-" + UUID.randomUUID()));

        assertThat(connector.reconcile(request)).isInstanceOf(PublishResult.Unknown.class);
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.FACEBOOK, page, step, token);
    }

    private List<JsonNode> held(String text) {
        return sandbox.held(Network.FACEBOOK).stream().filter(p -> text.equals(p.path("text").asText())).toList();
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }
}
