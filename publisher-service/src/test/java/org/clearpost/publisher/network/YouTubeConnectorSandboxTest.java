package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
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
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The YouTube connector against the real network sandbox (plain JUnit, no Quarkus start). */
class YouTubeConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final YouTubeConnector connector = new YouTubeConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    private final AccessToken token = new AccessToken("youtube-connector-test-" + UUID.randomUUID());

    @Test
    void aVideoIsUploadedWithTitleDescriptionAndPrivacy() throws Exception {
        String text = "Subject access requests explained " + UUID.randomUUID() + "\nWhat to ask for and how long "
                + "an organisation has to answer.";
        MediaItem video = video(300_000, null);

        PublishRequest request = sandbox.request(Network.YOUTUBE, "clearpost",
                new PublishStep.Post(text, List.of(video)), token);

        PublishResult result = connector.publish(request);

        assertThat(result).isInstanceOf(PublishResult.Published.class);
        PublishResult.Published published = (PublishResult.Published) result;
        JsonNode metadata = sandbox.getJson("/sandbox/youtube/uploads/" + uploadId(request)).path("metadata");
        assertThat(metadata.path("privacyStatus").asText()).isEqualTo("public");
        assertThat(metadata.path("categoryId").asText()).isEqualTo("22");
        assertThat(published.url().toString()).isEqualTo("https://www.youtube.com/watch?v=" + published.externalId());
        JsonNode mine = search();
        JsonNode item = find(mine, published.externalId());
        assertThat(item.path("snippet").path("title").asText()).isEqualTo(text.lines().findFirst().orElseThrow());
        assertThat(item.path("snippet").path("description").asText()).isEqualTo(text);
        assertThat(held(published.externalId())).hasSize(1).first()
                .satisfies(p -> assertThat(p.path("media").path(0).path("sha256").asText()).isEqualTo(video.sha256()));
    }

    @Test
    void anInterruptedUploadResumesFromTheByteTheServerReports() throws Exception {
        MediaItem video = video(400_000, "A caption");
        String text = "Interrupted upload " + UUID.randomUUID();
        PublishRequest request = sandbox.request(Network.YOUTUBE, "clearpost", new PublishStep.Post(text,
                List.of(video)), token);
        post("/sandbox/youtube/interrupt-upload?afterBytes=150000");

        PublishResult broken = connector.publish(request);

        assertThat(broken).isInstanceOf(PublishResult.Unknown.class);
        String uploadId = uploadId(request);
        assertThat(sandbox.getJson("/sandbox/youtube/uploads/" + uploadId).path("received").asLong())
                .isEqualTo(150_000);

        PublishResult resumed = connector.reconcile(request);

        assertThat(resumed).isInstanceOf(PublishResult.Published.class);
        JsonNode upload = sandbox.getJson("/sandbox/youtube/uploads/" + uploadId);
        // The second PUT starts where the server said it stood: the first 150,000 bytes are not sent again.
        assertThat(upload.path("chunks")).extracting(JsonNode::asText)
                .containsExactly("bytes 0-399999/400000", "bytes 150000-399999/400000");
        assertThat(upload.path("sha256").asText()).isEqualTo(video.sha256());
        assertThat(held(((PublishResult.Published) resumed).externalId())).hasSize(1);
    }

    @Test
    void anAnswerLostAfterTheLastByteIsReconciledToTheOneVideo() throws Exception {
        MediaItem video = video(120_000, null);
        String text = "Lost answer " + UUID.randomUUID();
        PublishRequest request = sandbox.request(Network.YOUTUBE, "clearpost", new PublishStep.Post(text,
                List.of(video)), token);
        sandbox.dropAfterAccept(Network.YOUTUBE, 1);

        PublishResult first = connector.publish(request);

        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        assertThat(connector.reconciliation()).isEqualTo(NetworkConnector.Reconciliation.IDEMPOTENT_RETRY);
        PublishResult reconciled = connector.reconcile(request);

        assertThat(reconciled).isInstanceOf(PublishResult.Published.class);
        PublishResult.Published published = (PublishResult.Published) reconciled;
        assertThat(sandbox.held(Network.YOUTUBE)).filteredOn(p -> text.equals(p.path("text").asText()))
                .singleElement().satisfies(p -> assertThat(p.path("id").asText()).isEqualTo(published.externalId()));
    }

    @Test
    void aLargerVideoGoesInChunksEachFromTheRangeTheServerReports() throws Exception {
        // 256 KiB chunks, the smallest Google takes: a 600,000-byte video is three PUTs.
        NetworksConfig chunked = new SmallRyeConfigBuilder().withMapping(NetworksConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("clearpost.networks.youtube.base-url",
                        sandbox.sandbox().toString(), "clearpost.networks.youtube.chunk-bytes", "262144",
                        "clearpost.networks.connect-timeout", "PT1S", "clearpost.networks.request-timeout", "PT5S",
                        "clearpost.networks.youtube.privacy-status", "unlisted"), "chunked-test", 500))
                .build().getConfigMapping(NetworksConfig.class);
        YouTubeConnector inChunks = new YouTubeConnector(sandbox.http(), sandbox.media(), chunked);
        MediaItem video = video(600_000, null);
        PublishRequest request = sandbox.request(Network.YOUTUBE, "clearpost", new PublishStep.Post("Chunked "
                + UUID.randomUUID(), List.of(video)), token);

        assertThat(inChunks.publish(request)).isInstanceOf(PublishResult.Published.class);

        JsonNode upload = sandbox.getJson("/sandbox/youtube/uploads/" + uploadId(request));
        assertThat(upload.path("chunks")).extracting(JsonNode::asText).containsExactly(
                "bytes 0-262143/600000", "bytes 262144-524287/600000", "bytes 524288-599999/600000");
        assertThat(upload.path("sha256").asText()).isEqualTo(video.sha256());
        assertThat(upload.path("metadata").path("privacyStatus").asText()).isEqualTo("unlisted");
    }

    @Test
    void aPostWithoutAVideoFailsWithTheReason() {
        PublishResult result = connector.publish(sandbox.request(Network.YOUTUBE, "clearpost",
                new PublishStep.Post("No video here", List.of()), token));

        assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class,
                f -> assertThat(f.reason()).contains("exactly one video"));
    }

    @Test
    void anExpiredTokenNeedsTheAccountConnectedAgain() {
        PublishResult result = connector.publish(sandbox.request(Network.YOUTUBE, "clearpost",
                new PublishStep.Post("Expired " + UUID.randomUUID(), List.of(video(1000, null))),
                new AccessToken("sandbox-expired-youtube")));

        assertThat(result).isInstanceOf(PublishResult.NeedsReconnect.class);
    }

    private MediaItem video(int size, String caption) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return sandbox.media(MediaKind.VIDEO, "video/mp4", bytes, null, caption);
    }

    /** The upload id in the session URI the connector remembered. */
    private static String uploadId(PublishRequest request) {
        String session = request.memory().recall(YouTubeConnector.SESSION).orElseThrow();
        return session.substring(session.indexOf("upload_id=") + "upload_id=".length());
    }

    private List<JsonNode> held(String id) {
        return sandbox.held(Network.YOUTUBE).stream().filter(p -> id.equals(p.path("id").asText())).toList();
    }

    private JsonNode search() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sandbox.sandbox() + "/youtube/v3/search?part=snippet&forMine=true&type=video&maxResults=50"))
                .header("Authorization", "Bearer " + token.value()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return sandbox.mapper().readTree(response.body());
    }

    private static JsonNode find(JsonNode searchList, String videoId) {
        for (JsonNode item : searchList.path("items")) {
            if (videoId.equals(item.path("id").path("videoId").asText())) {
                return item;
            }
        }
        throw new AssertionError("video " + videoId + " not in " + searchList);
    }

    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sandbox.sandbox().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }
}
