package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/**
 * The SoundCloud connector against the real network sandbox (plain JUnit, no Quarkus start): a track upload with
 * its title and description, comments, what cannot go to SoundCloud, and an upload whose answer is lost, found by
 * look-up among the account's tracks: one track, never two.
 */
class SoundCloudConnectorSandboxTest {

    private static final String ACCOUNT = "clearpost-council";

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final SoundCloudConnector connector = new SoundCloudConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    private final AccessToken token = new AccessToken("soundcloud-connector-test-" + UUID.randomUUID());

    @Test
    void aTrackIsUploadedWithTheFirstLineAsTitleAndTheTextAsDescription() throws Exception {
        String run = UUID.randomUUID().toString();
        String text = "Council meeting, 3 December " + run + "\nThe full recording of the budget debate.";
        MediaItem audio = audio();

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of(audio)))));

        JsonNode held = heldOnce("Council meeting, 3 December " + run);
        assertThat(held.path("kind").asText()).isEqualTo("TRACK");
        assertThat(held.path("id").asText()).isEqualTo(published.externalId());
        assertThat(held.path("media").get(0).path("sha256").asText()).isEqualTo(audio.sha256());
        JsonNode track = api("/soundcloud/tracks/" + published.externalId());
        assertThat(track.path("description").asText()).isEqualTo(text);
        assertThat(track.path("sharing").asText()).isEqualTo("public");
        assertThat(track.path("permalink_url").asText()).isEqualTo(published.url().toString());
    }

    @Test
    void aLongFirstLineIsCutAtAWordForTheTitle() {
        String text = ("The recording of this evening's public consultation on the future of the town centre "
                + "car parks and bus station " + UUID.randomUUID());

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of(audio())))));

        JsonNode track = api("/soundcloud/tracks/" + published.externalId());
        assertThat(track.path("title").asText()).hasSizeLessThanOrEqualTo(SoundCloudConnector.MAX_TITLE)
                .endsWith("…").startsWith("The recording of this evening's public consultation");
        assertThat(track.path("description").asText()).isEqualTo(text);
    }

    @Test
    void aPostWithoutAudioFailsWithTheReason() {
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", "png".getBytes(StandardCharsets.UTF_8), "x",
                null);

        PublishResult result = connector.publish(request(new PublishStep.Post("No sound " + UUID.randomUUID(),
                List.of(image))));

        assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("SoundCloud publishes audio tracks: this post has no audio file").contains("IMAGE"));
    }

    @Test
    void aFirstCommentGoesOnTheTrackAndADeeperThreadPartFails() {
        PublishResult.Published track = published(connector.publish(request(new PublishStep.Post(
                "Budget briefing " + UUID.randomUUID(), List.of(audio())))));
        String note = "Slides are on our website " + UUID.randomUUID();

        PublishResult.Published comment = published(connector.publish(request(new PublishStep.Reply(note, List.of(),
                track.externalId()))));
        PublishResult deeper = connector.publish(request(new PublishStep.Reply("and more", List.of(),
                comment.externalId())));

        assertThat(comment.url()).isEqualTo(track.url());
        assertThat(heldOnce(note).path("inReplyTo").asText()).isEqualTo(track.externalId());
        assertThat(deeper).isInstanceOfSatisfying(PublishResult.Failed.class, failed -> assertThat(failed.reason())
                .contains("SoundCloud comments go on tracks"));
    }

    @Test
    void aLostUploadAnswerIsFoundByLookUpExactlyOnce() {
        String title = "Podcast episode 12 " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(title + "\nRecycling myths, busted.",
                List.of(audio())));
        sandbox.dropAfterAccept(Network.SOUNDCLOUD, 1);

        PublishResult first = connector.publish(request);

        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        PublishResult.Published reconciled = published(connector.reconcile(request));
        JsonNode held = heldOnce(title);
        assertThat(reconciled.externalId()).isEqualTo(held.path("id").asText());
        assertThat(reconciled.url().toString()).isEqualTo(held.path("url").asText());
    }

    @Test
    void aLookUpThatFindsNothingSaysTheUploadDidNotHappen() {
        PublishRequest request = request(new PublishStep.Post("Never uploaded " + UUID.randomUUID(),
                List.of(audio())));

        assertThat(connector.reconcile(request)).isInstanceOf(PublishResult.Retry.class);
    }

    @Test
    void aRefusedTokenAsksForAReconnect() {
        PublishResult result = connector.publish(sandbox.request(Network.SOUNDCLOUD, ACCOUNT,
                new PublishStep.Post("Never posted " + UUID.randomUUID(), List.of(audio())),
                new AccessToken("sandbox-expired-soundcloud-" + UUID.randomUUID())));

        assertThat(result).isInstanceOf(PublishResult.NeedsReconnect.class);
    }

    private MediaItem audio() {
        return sandbox.media(MediaKind.AUDIO, "audio/mpeg", ("ID3 fake mp3 " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8), null, null);
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.SOUNDCLOUD, ACCOUNT, step, token);
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }

    private JsonNode heldOnce(String text) {
        List<JsonNode> held = sandbox.held(Network.SOUNDCLOUD).stream()
                .filter(p -> text.equals(p.path("text").asText())).toList();
        assertThat(held).hasSize(1);
        return held.get(0);
    }

    /** A read of SoundCloud's API with the test's token, as SoundCloud asks for it. */
    private JsonNode api(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    sandbox.sandbox().resolve(path)).header("Authorization", "OAuth " + token.value()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return sandbox.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
