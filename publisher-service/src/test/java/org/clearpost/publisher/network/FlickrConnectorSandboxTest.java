package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.oauth.FlickrSandboxAccount;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flickr connector against the real sandbox, which checks every OAuth 1.0a signature (plain JUnit). */
class FlickrConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final FlickrConnector connector = new FlickrConnector(sandbox.http(), sandbox.media(), sandbox.config());
    private AccessToken token;

    @BeforeEach
    void connect() throws Exception {
        token = FlickrSandboxAccount.connect(sandbox).accessToken();
    }

    @Test
    void aPhotoIsUploadedWithTitleDescriptionAndItsAltText() {
        String text = "Our new office in Wilmslow " + UUID.randomUUID() + "\nOpen to visitors from Monday.";
        MediaItem photo = image("The front of a brick building with a blue door");

        PublishResult result = connector.publish(sandbox.request(Network.FLICKR, "clearpost",
                new PublishStep.Post(text, List.of(photo)), token));

        assertThat(result).isInstanceOf(PublishResult.Published.class);
        PublishResult.Published published = (PublishResult.Published) result;
        assertThat(published.url().toString()).isEqualTo("https://www.flickr.com/photos/190000001@N05/"
                + published.externalId());
        JsonNode held = sandbox.held(Network.FLICKR).stream()
                .filter(p -> published.externalId().equals(p.path("id").asText())).findFirst().orElseThrow();
        // Flickr has no alt text: it follows the text in the description.
        assertThat(held.path("text").asText()).isEqualTo(text
                + "\n\nImage description: The front of a brick building with a blue door");
        assertThat(held.path("media").path(0).path("sha256").asText()).isEqualTo(photo.sha256());
    }

    @Test
    void aRequestSignedWithTheWrongTokenSecretIsRefusedBySignature() {
        PublishResult result = connector.publish(sandbox.request(Network.FLICKR, "clearpost",
                new PublishStep.Post("Badly signed " + UUID.randomUUID(), List.of(image(null))),
                new AccessToken(token.value(), "not-the-token-secret")));

        assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class,
                f -> assertThat(f.reason()).contains("code 96").contains("Invalid signature"));
    }

    @Test
    void aLostAnswerIsFoundByLookingAtTheAccountsRecentPhotos() {
        String text = "Annual report photo " + UUID.randomUUID();
        PublishRequest request = sandbox.request(Network.FLICKR, "clearpost", new PublishStep.Post(text,
                List.of(image(null))), token);
        assertThat(connector.reconciliation()).isEqualTo(NetworkConnector.Reconciliation.LOOKUP);
        assertThat(connector.reconcile(request)).isInstanceOf(PublishResult.Retry.class);
        sandbox.dropAfterAccept(Network.FLICKR, 1);

        PublishResult first = connector.publish(request);

        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        PublishResult reconciled = connector.reconcile(request);

        assertThat(reconciled).isInstanceOf(PublishResult.Published.class);
        PublishResult.Published published = (PublishResult.Published) reconciled;
        assertThat(sandbox.held(Network.FLICKR)).filteredOn(p -> text.equals(p.path("text").asText()))
                .singleElement().satisfies(p -> assertThat(p.path("url").asText())
                        .isEqualTo(published.url().toString()));
    }

    @Test
    void aReplyIsRefusedWithTheReason() {
        PublishResult result = connector.publish(sandbox.request(Network.FLICKR, "clearpost",
                new PublishStep.Reply("Thanks!", List.of(), "123"), token));

        assertThat(result).isInstanceOfSatisfying(PublishResult.Failed.class,
                f -> assertThat(f.reason()).contains("photos only"));
    }

    private MediaItem image(String altText) {
        byte[] bytes = new byte[20_000];
        new Random().nextBytes(bytes);
        return sandbox.media(MediaKind.IMAGE, "image/jpeg", bytes, altText, null);
    }
}
