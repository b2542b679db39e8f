package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The X connector against the real network sandbox (plain JUnit, no Quarkus start). */
class XConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final XConnector connector = new XConnector(sandbox.http(), sandbox.media(), sandbox.config());
    private final AccessToken token = new AccessToken("x-connector-test-" + UUID.randomUUID());

    XConnectorSandboxTest() {
        // The token acts for @clearpost_demo, as connecting that account would make it.
        registerXUser(token, "clearpost_demo");
    }

    @Test
    void aTextPostIsPublishedOnceWithItsUrl() {
        String text = "Our guidance on subject access requests is updated " + UUID.randomUUID();

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of()))));

        assertThat(published.url().toString()).endsWith("/status/" + published.externalId());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void anImageGoesOutWithItsAltText() {
        String text = "The new office opening hours " + UUID.randomUUID();
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", bytes(2_000), "A poster of the opening hours",
                null);

        published(connector.publish(request(new PublishStep.Post(text, List.of(image)))));

        JsonNode post = held(text).get(0);
        assertThat(post.path("media").get(0).path("altText").asText()).isEqualTo("A poster of the opening hours");
        assertThat(post.path("media").get(0).path("sha256").asText()).isEqualTo(image.sha256());
    }

    @Test
    void aThreadIsAPostAndAReplyToIt() {
        String first = "A thread on breach reporting, 1/2 " + UUID.randomUUID();
        String second = "2/2: report within 72 hours " + UUID.randomUUID();

        PublishResult.Published head = published(connector.publish(request(new PublishStep.Post(first, List.of()))));
        PublishResult.Published part = published(connector.publish(request(new PublishStep.Reply(second, List.of(),
                head.externalId()))));

        JsonNode reply = held(second).get(0);
        assertThat(reply.path("id").asText()).isEqualTo(part.externalId());
        assertThat(reply.path("inReplyTo").asText()).isEqualTo(head.externalId());
        assertThat(reply.path("kind").asText()).isEqualTo("REPLY");
    }

    @Test
    void aReplyAnswersSomeoneElsesPost() {
        String text = "@someone thanks, the form is on our site " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Reply(text, List.of(), "1790000000000000001"))));

        assertThat(held(text)).singleElement()
                .satisfies(p -> assertThat(p.path("inReplyTo").asText()).isEqualTo("1790000000000000001"));
    }

    @Test
    void aVideoGoesUpInChunksAndIsPostedOnceProcessed() {
        String text = "Our new explainer video " + UUID.randomUUID();
        // More than one chunk, so the segments must be put together in order.
        byte[] bytes = bytes(XVideoUpload.CHUNK_BYTES + 300_000);
        MediaItem video = sandbox.media(MediaKind.VIDEO, "video/mp4", bytes, null, "Explainer");

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of(video)))));

        JsonNode post = held(text).get(0);
        assertThat(post.path("id").asText()).isEqualTo(published.externalId());
        assertThat(post.path("kind").asText()).isEqualTo("VIDEO");
        assertThat(post.path("media").get(0).path("contentType").asText()).isEqualTo("video/mp4");
        assertThat(post.path("media").get(0).path("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(post.path("media").get(0).path("sha256").asText()).isEqualTo(video.sha256());
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundOnTheTimelineNotPostedAgain() {
        String text = "Consultation on the new code closes Friday " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.X, 1);

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
    void aTryAfterALostAnswerThatXCallsADuplicateIsLookedUp() {
        String text = "Office closed on Monday " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.X, 1);
        assertThat(connector.publish(request)).isInstanceOf(PublishResult.Unknown.class);

        PublishResult again = connector.publish(request);

        assertThat(again).isInstanceOf(PublishResult.Unknown.class);
        assertThat(published(connector.reconcile(request)).externalId()).isEqualTo(held(text).get(0).path("id")
                .asText());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void aReplyWhoseAnswerWasLostIsFoundByTextAndParent() {
        String parentText = "Parent " + UUID.randomUUID();
        PublishResult.Published parent = published(connector.publish(request(new PublishStep.Post(parentText,
                List.of()))));
        String text = "The same words, a reply " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Reply(text, List.of(), parent.externalId()));
        sandbox.dropAfterAccept(Network.X, 1);
        assertThat(connector.publish(request)).isInstanceOf(PublishResult.Unknown.class);

        PublishResult.Published found = published(connector.reconcile(request));

        assertThat(found.externalId()).isEqualTo(held(text).get(0).path("id").asText());
        // The same text as a post of its own is not this reply.
        assertThat(connector.reconcile(request(new PublishStep.Post(text, List.of()))))
                .isInstanceOf(PublishResult.Retry.class);
    }

    @Test
    void aRepostWhoseAnswerWasLostIsFoundOnTheTimeline() {
        PublishResult.Published original = published(connector.publish(request(new PublishStep.Post(
                "Worth sharing " + UUID.randomUUID(), List.of()))));
        PublishRequest repost = request(new PublishStep.Share(null, original.externalId(), original.url().toString()));
        sandbox.dropAfterAccept(Network.X, 1);
        assertThat(connector.publish(repost)).isInstanceOf(PublishResult.Unknown.class);

        PublishResult.Published found = published(connector.reconcile(repost));

        assertThat(found.externalId()).isEqualTo(original.externalId());
        assertThat(sandbox.held(Network.X)).filteredOn(p -> original.externalId().equals(p.path("retweetOf")
                .asText())).hasSize(1);
    }

    @Test
    void aStepThatNeverReachedXIsToBeTriedAgain() {
        PublishResult result = connector.reconcile(request(new PublishStep.Post("Never sent " + UUID.randomUUID(),
                List.of())));

        assertThat(result).isInstanceOf(PublishResult.Retry.class);
    }

    @Test
    void aLookUpThatXRefusesLeavesTheOutcomeUnknown() {
        PublishRequest request = sandbox.request(Network.X, "clearpost_demo", new PublishStep.Post("Anything",
                List.of()), new AccessToken("sandbox-expired-" + UUID.randomUUID()));

        assertThat(connector.reconcile(request)).isInstanceOf(PublishResult.Unknown.class);
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.X, "clearpost_demo", step, token);
    }

    private List<JsonNode> held(String text) {
        return sandbox.held(Network.X).stream().filter(p -> text.equals(p.path("text").asText())).toList();
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }

    private void registerXUser(AccessToken accessToken, String username) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            sandbox.sandbox().resolve("/sandbox/x/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(sandbox.mapper().writeValueAsString(Map.of(
                            "token", accessToken.value(), "username", username)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode() / 100).isEqualTo(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
