package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The Bluesky connector against the real network sandbox's XRPC (plain JUnit, no Quarkus start). */
class BlueskyConnectorSandboxTest {

    /** The sandbox's account (its createSession identifier) and a test-only app password. */
    private static final String ACCOUNT = "clearpost-sandbox.bsky.social";
    private static final AccessToken APP_PASSWORD = new AccessToken("test-only-bsky-app-password");

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final BlueskyConnector connector = new BlueskyConnector(sandbox.http(), sandbox.media(),
            sandbox.config());

    @Test
    void aTextPostCarriesLinkMentionAndTagFacetsOnUtf8ByteOffsets() {
        String text = "🎉 Café rates " + UUID.randomUUID() + ": see https://council.example/rates, ask "
                + "@resident7.bsky.social 👋🏽 #CouncilTax";
        PublishRequest request = request(new PublishStep.Post(text, List.of()));

        PublishResult.Published published = published(connector.publish(request));

        String rkey = BlueskyTid.fromStepKey(request.stepKey());
        assertThat(published.url()).hasToString("https://bsky.app/profile/" + ACCOUNT + "/post/" + rkey);
        assertThat(published.externalId()).startsWith("at://did:").endsWith("/app.bsky.feed.post/" + rkey);
        JsonNode record = record(published.externalId()).path("value");
        byte[] utf8 = record.path("text").asText().getBytes(StandardCharsets.UTF_8);
        JsonNode facets = record.path("facets");
        assertThat(facets).hasSize(3);
        assertThat(facets).extracting(f -> new String(Arrays.copyOfRange(utf8, f.path("index").path("byteStart")
                .asInt(), f.path("index").path("byteEnd").asInt()), StandardCharsets.UTF_8))
                .containsExactly("https://council.example/rates", "@resident7.bsky.social", "#CouncilTax");
        assertThat(facets.get(1).path("features").get(0).path("did").asText())
                .isEqualTo(sandbox.getJson("/xrpc/com.atproto.identity.resolveHandle?handle=resident7.bsky.social")
                        .path("did").asText()).startsWith("did:plc:");
        assertThat(facets.get(2).path("features").get(0).path("tag").asText()).isEqualTo("CouncilTax");
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void anImageGoesUpAsABlobWithItsAltText() {
        byte[] png = ("test-only png bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", png, "A gritter on Élm Road at dawn", null);
        String text = "Gritting tonight " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(image)))));

        JsonNode held = held(text).get(0);
        assertThat(held.path("media")).hasSize(1);
        assertThat(held.path("media").get(0).path("altText").asText()).isEqualTo("A gritter on Élm Road at dawn");
        assertThat(held.path("media").get(0).path("sha256").asText()).isEqualTo(image.sha256());
    }

    @Test
    void aThreadAndAReplyCarryRootAndParentRefs() {
        String first = "Budget thread 1/3 " + UUID.randomUUID();
        PublishResult.Published root = published(connector.publish(request(new PublishStep.Post(first, List.of()))));
        PublishResult.Published second = published(connector.publish(request(
                new PublishStep.Reply("Budget thread 2/3", List.of(), root.externalId()))));
        PublishResult.Published third = published(connector.publish(request(
                new PublishStep.Reply("Budget thread 3/3 " + UUID.randomUUID(), List.of(), second.externalId()))));

        JsonNode reply = record(third.externalId()).path("value").path("reply");
        assertThat(reply.path("root").path("uri").asText()).isEqualTo(root.externalId());
        assertThat(reply.path("root").path("cid").asText()).isEqualTo(record(root.externalId()).path("cid").asText());
        assertThat(reply.path("parent").path("uri").asText()).isEqualTo(second.externalId());
        assertThat(reply.path("parent").path("cid").asText())
                .isEqualTo(record(second.externalId()).path("cid").asText());
        JsonNode firstReply = record(second.externalId()).path("value").path("reply");
        assertThat(firstReply.path("root").path("uri").asText()).isEqualTo(root.externalId());
        assertThat(firstReply.path("parent").path("uri").asText()).isEqualTo(root.externalId());
    }

    @Test
    void aVideoIsAnEmbedVideo() {
        byte[] mp4 = ("test-only mp4 bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem video = sandbox.media(MediaKind.VIDEO, "video/mp4", mp4, "The mayor explains the budget", null);
        String text = "Budget explained " + UUID.randomUUID();

        PublishResult.Published published = published(connector.publish(request(
                new PublishStep.Post(text, List.of(video)))));

        assertThat(record(published.externalId()).path("value").path("embed").path("$type").asText())
                .isEqualTo("app.bsky.embed.video");
        assertThat(held(text).get(0).path("kind").asText()).isEqualTo("VIDEO");
    }

    @Test
    void aDroppedAnswerIsReconciledByTheSameRecordKeyIntoOnePost() {
        String text = "Polling stations open 7am " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.BLUESKY, 1);

        PublishResult first = connector.publish(request);
        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        assertThat(connector.reconciliation()).isEqualTo(NetworkConnector.Reconciliation.IDEMPOTENT_RETRY);

        PublishResult.Published reconciled = published(connector.reconcile(request));
        PublishResult.Published again = published(connector.publish(request));

        assertThat(reconciled.externalId()).endsWith("/" + BlueskyTid.fromStepKey(request.stepKey()))
                .isEqualTo(again.externalId());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void anExpiredSessionIsRefreshedAndTheStepStillGoesOut() throws Exception {
        published(connector.publish(request(new PublishStep.Post("Session warm-up " + UUID.randomUUID(),
                List.of()))));
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.sandbox().resolve(
                "/sandbox/bluesky/sessions/expire")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        String text = "After the session expired " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of()))));

        assertThat(held(text)).hasSize(1);
    }

    @Test
    void aRefusedAppPasswordNeedsReconnectAndAFacetOffTheTextFails() {
        BlueskyConnector fresh = new BlueskyConnector(sandbox.http(), sandbox.media(), sandbox.config());
        PublishResult refused = fresh.publish(sandbox.request(Network.BLUESKY, ACCOUNT,
                new PublishStep.Post("never", List.of()), new AccessToken("sandbox-expired-app-password")));
        assertThat(refused).isInstanceOf(PublishResult.NeedsReconnect.class);
        assertThat(((PublishResult.NeedsReconnect) refused).reason()).contains("401 AuthenticationRequired");

        PublishResult tooLong = connector.publish(request(new PublishStep.Post("é".repeat(301), List.of())));
        assertThat(tooLong).isInstanceOf(PublishResult.Failed.class);
        assertThat(((PublishResult.Failed) tooLong).reason()).contains("InvalidRequest")
                .contains("must not be longer than 300 graphemes");
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.BLUESKY, ACCOUNT, step, APP_PASSWORD);
    }

    private JsonNode record(String atUri) {
        String[] parts = atUri.substring("at://".length()).split("/");
        return sandbox.getJson("/xrpc/com.atproto.repo.getRecord?repo=" + parts[0] + "&collection=" + parts[1]
                + "&rkey=" + parts[2]);
    }

    private List<JsonNode> held(String text) {
        return sandbox.held(Network.BLUESKY).stream().filter(p -> text.equals(p.path("text").asText())).toList();
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }
}
