package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The Mastodon connector against the real network sandbox's instance (plain JUnit, no Quarkus start). */
class MastodonConnectorSandboxTest {

    private static final String ACCOUNT = "clearpost";

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final MastodonConnector connector = new MastodonConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    /** A test-only user token; the sandbox accepts any token that is not marked expired. */
    private final AccessToken token = new AccessToken("test-only-mastodon-token-" + UUID.randomUUID());

    @Test
    void aTextPostIsPublishedOnceWithItsUrl() {
        String text = "Bin collections move on Monday 🗑️ " + UUID.randomUUID() + " https://council.example/bins";

        PublishResult.Published published = published(connector.publish(request(new PublishStep.Post(text,
                List.of()))));

        assertThat(published.url()).hasToString("https://mastodon.sandbox.test/@clearpost/"
                + published.externalId());
        assertThat(held(text)).hasSize(1);
    }

    @Test
    void anImageGoesUpWithItsDescription() {
        byte[] png = ("test-only png " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", png, "Library opening hours poster", null);
        String text = "New library hours " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(image)))));

        JsonNode media = held(text).get(0).path("media");
        assertThat(media).hasSize(1);
        assertThat(media.get(0).path("altText").asText()).isEqualTo("Library opening hours poster");
        assertThat(media.get(0).path("sha256").asText()).isEqualTo(image.sha256());
    }

    @Test
    void aVideoIsPolledUntilProcessedThenAttached() {
        byte[] mp4 = ("test-only mp4 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem video = sandbox.media(MediaKind.VIDEO, "video/mp4", mp4, "The leader's budget statement", null);
        String text = "Budget statement " + UUID.randomUUID();

        published(connector.publish(request(new PublishStep.Post(text, List.of(video)))));

        JsonNode held = held(text).get(0);
        assertThat(held.path("kind").asText()).isEqualTo("VIDEO");
        assertThat(held.path("media").get(0).path("altText").asText()).isEqualTo("The leader's budget statement");
    }

    @Test
    void aThreadIsAChainOfInReplyToAndAReplyAnswersItsParent() {
        PublishResult.Published first = published(connector.publish(request(new PublishStep.Post(
                "Consultation thread 1/3 " + UUID.randomUUID(), List.of()))));
        String secondText = "Consultation thread 2/3 " + UUID.randomUUID();
        PublishResult.Published second = published(connector.publish(request(new PublishStep.Reply(secondText,
                List.of(), first.externalId()))));
        String thirdText = "Consultation thread 3/3 " + UUID.randomUUID();
        published(connector.publish(request(new PublishStep.Reply(thirdText, List.of(), second.externalId()))));

        assertThat(held(secondText).get(0).path("inReplyTo").asText()).isEqualTo(first.externalId());
        assertThat(held(thirdText).get(0).path("inReplyTo").asText()).isEqualTo(second.externalId());
        assertThat(held(thirdText).get(0).path("kind").asText()).isEqualTo("REPLY");
    }

    @Test
    void aDroppedAnswerIsReconciledByTheSameIdempotencyKeyIntoOneStatus() {
        String text = "Road closure on the A1 " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.MASTODON, 1);

        assertThat(connector.publish(request)).isInstanceOf(PublishResult.Unknown.class);
        PublishResult.Published reconciled = published(connector.reconcile(request));
        PublishResult.Published again = published(connector.publish(request));

        assertThat(again.externalId()).isEqualTo(reconciled.externalId());
        assertThat(held(text)).hasSize(1);
        assertThat(held(text).get(0).path("id").asText()).isEqualTo(reconciled.externalId());
    }

    @Test
    void refusalsCarryMastodonsOwnWords() {
        PublishResult tooLong = connector.publish(request(new PublishStep.Post("é".repeat(501), List.of())));
        assertThat(tooLong).isInstanceOf(PublishResult.Failed.class);
        assertThat(((PublishResult.Failed) tooLong).reason())
                .contains("422").contains("Validation failed: Text character limit of 500 exceeded");

        PublishResult expired = connector.publish(sandbox.request(Network.MASTODON, ACCOUNT,
                new PublishStep.Post("never", List.of()), new AccessToken("sandbox-expired-mastodon-token")));
        assertThat(expired).isInstanceOf(PublishResult.NeedsReconnect.class);
    }

    @Test
    void noCallsLeftPausesTheAccountUntilTheReset() {
        HttpHeaders spent = HttpHeaders.of(Map.of("X-RateLimit-Limit", List.of("300"),
                "X-RateLimit-Remaining", List.of("0"), "X-RateLimit-Reset", List.of("2026-12-02T14:05:00.000000Z")),
                (a, b) -> true);
        HttpHeaders left = HttpHeaders.of(Map.of("X-RateLimit-Remaining", List.of("12"),
                "X-RateLimit-Reset", List.of("2026-12-02T14:05:00.000000Z")), (a, b) -> true);

        assertThat(MastodonConnector.pausedUntil(spent)).isEqualTo(Instant.parse("2026-12-02T14:05:00Z"));
        assertThat(MastodonConnector.pausedUntil(left)).isNull();
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.MASTODON, ACCOUNT, step, token);
    }

    private List<JsonNode> held(String text) {
        return sandbox.held(Network.MASTODON).stream().filter(p -> text.equals(p.path("text").asText())).toList();
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }
}
