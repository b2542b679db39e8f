package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/**
 * The Threads connector against the real network sandbox (plain JUnit, no Quarkus start): container then publish,
 * for text, an image with alt text, a carousel, a video (polled until FINISHED), a thread as a reply chain, a reply,
 * and a publish whose answer is lost, reconciled by publishing the stored container: one post, never two.
 */
class ThreadsConnectorSandboxTest {

    private static final String ACCOUNT = "me";

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final ThreadsConnector connector = new ThreadsConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    private final AccessToken token = new AccessToken("threads-connector-test-" + UUID.randomUUID());

    @Test
    void aTextPostIsPublishedOnceWithItsPermalink() {
        String text = "Bin collections move to Tuesday next week " + UUID.randomUUID();

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of()))));

        assertThat(published.url().toString()).startsWith("https://www.threads.net/@").contains("/post/");
        JsonNode held = heldOnce(text);
        assertThat(held.path("id").asText()).isEqualTo(published.externalId());
        assertThat(held.path("kind").asText()).isEqualTo("POST");
        assertThat(held.path("url").asText()).isEqualTo(published.url().toString());
    }

    @Test
    void anImageGoesByItsUrlWithItsAltText() {
        byte[] png = bytes("a png of a green bin");
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", png, "A green wheelie bin at the kerb", null);
        String text = "Which bin is which? " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(image)))));

        JsonNode media = heldOnce(text).path("media");
        assertThat(media).hasSize(1);
        assertThat(media.get(0).path("altText").asText()).isEqualTo("A green wheelie bin at the kerb");
        assertThat(media.get(0).path("sha256").asText()).isEqualTo(image.sha256());
        assertThat(media.get(0).path("sourceUrl").asText()).isEqualTo(image.url());
    }

    @Test
    void severalImagesAreOneCarouselPost() {
        MediaItem first = sandbox.media(MediaKind.IMAGE, "image/png", bytes("first"), "Before", null);
        MediaItem second = sandbox.media(MediaKind.IMAGE, "image/png", bytes("second"), "After", null);
        String text = "Before and after the park clean-up " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(first, second)))));

        JsonNode media = heldOnce(text).path("media");
        assertThat(media).hasSize(2);
        assertThat(media.get(0).path("altText").asText()).isEqualTo("Before");
        assertThat(media.get(1).path("altText").asText()).isEqualTo("After");
    }

    @Test
    void aVideoIsPublishedOnceThreadsHasProcessedIt() {
        MediaItem video = sandbox.media(MediaKind.VIDEO, "video/mp4", bytes("an mp4 of the new road layout"),
                "The new junction from above", null);
        String text = "How the new junction works " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(video)))));

        JsonNode held = heldOnce(text);
        assertThat(held.path("kind").asText()).isEqualTo("VIDEO");
        assertThat(held.path("media").get(0).path("sha256").asText()).isEqualTo(video.sha256());
    }

    @Test
    void aThreadIsAChainOfReplies() {
        String run = UUID.randomUUID().toString();
        PublishResult.Published first = published(connector.publish(request(new PublishStep.Post(
                "1/3 Road works on the A1 " + run, List.of()))));
        PublishResult.Published second = published(connector.publish(request(new PublishStep.Reply(
                "2/3 from Monday " + run, List.of(), first.externalId()))));
        PublishResult.Published third = published(connector.publish(request(new PublishStep.Reply(
                "3/3 for two weeks " + run, List.of(), second.externalId()))));

        assertThat(heldOnce("2/3 from Monday " + run).path("inReplyTo").asText()).isEqualTo(first.externalId());
        JsonNode last = heldOnce("3/3 for two weeks " + run);
        assertThat(last.path("inReplyTo").asText()).isEqualTo(second.externalId());
        assertThat(last.path("kind").asText()).isEqualTo("REPLY");
        assertThat(last.path("id").asText()).isEqualTo(third.externalId());
    }

    @Test
    void aReplyAnswersAnotherAccountsPost() {
        AccessToken resident = new AccessToken("threads-resident-" + UUID.randomUUID());
        PublishResult.Published question = published(connector.publish(sandbox.request(Network.THREADS, ACCOUNT,
                new PublishStep.Post("When is the library open? " + UUID.randomUUID(), List.of()), resident)));
        String answer = "9 to 5, Monday to Saturday " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Reply(answer, List.of(), question.externalId()))));

        assertThat(heldOnce(answer).path("inReplyTo").asText()).isEqualTo(question.externalId());
    }

    @Test
    void aLostPublishAnswerIsReconciledByPublishingTheStoredContainerExactlyOnce() {
        String text = "Council tax bills go out this week " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.THREADS, 1);

        PublishResult first = connector.publish(request);

        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        String container = request.memory().recall(ThreadsConnector.CONTAINER).orElseThrow();
        assertThat(held(text)).hasSize(1);

        PublishResult.Published reconciled = published(connector.reconcile(request));

        assertThat(request.memory().recall(ThreadsConnector.CONTAINER)).contains(container);
        JsonNode held = heldOnce(text);
        assertThat(reconciled.externalId()).isEqualTo(held.path("id").asText());
        assertThat(reconciled.url().toString()).isEqualTo(held.path("url").asText());
        // Asked again (a second reconcile after a crash), it still answers the one post and makes none.
        assertThat(published(connector.reconcile(request)).externalId()).isEqualTo(reconciled.externalId());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void aRefusedTokenAsksForAReconnect() {
        PublishResult result = connector.publish(sandbox.request(Network.THREADS, ACCOUNT,
                new PublishStep.Post("Never posted " + UUID.randomUUID(), List.of()),
                new AccessToken("sandbox-expired-threads-" + UUID.randomUUID())));

        assertThat(result).isInstanceOf(PublishResult.NeedsReconnect.class);
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.THREADS, ACCOUNT, step, token);
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }

    private List<JsonNode> held(String text) {
        return sandbox.held(Network.THREADS).stream().filter(p -> text.equals(p.path("text").asText())).toList();
    }

    private JsonNode heldOnce(String text) {
        List<JsonNode> held = held(text);
        assertThat(held).hasSize(1);
        return held.get(0);
    }

    private static byte[] bytes(String content) {
        return (content + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }
}
