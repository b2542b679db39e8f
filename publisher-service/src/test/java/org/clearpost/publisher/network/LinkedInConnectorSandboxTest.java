package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/**
 * The LinkedIn connector against the real network sandbox (plain JUnit, no Quarkus start). Each test posts as its own
 * organisation, so tests share the sandbox without seeing each other's posts.
 */
class LinkedInConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final LinkedInConnector connector = new LinkedInConnector(sandbox.http(), sandbox.media(),
            sandbox.config());
    private final String organisation = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 99_999_999));
    private final AccessToken token = new AccessToken("linkedin-connector-test-" + UUID.randomUUID());

    @Test
    void aTextPostWithLinkedInsReservedCharactersArrivesIntact() {
        String text = "Consultation (phase 2) closes #today: see our_guide @council <now> *really* ~ | {x} [y] "
                + "\\ end " + UUID.randomUUID();

        PublishResult result = connector.publish(request(new PublishStep.Post(text, List.of())));

        PublishResult.Published published = published(result);
        assertThat(published.externalId()).startsWith("urn:li:share:");
        assertThat(published.url()).isEqualTo(URI.create("https://www.linkedin.com/feed/update/"
                + published.externalId() + "/"));
        // The sandbox cuts at the first unescaped reserved character, as LinkedIn does: whole text = escaped once.
        assertThat(ours()).singleElement().satisfies(post -> {
            assertThat(post.path("text").asText()).isEqualTo(text);
            assertThat(post.path("id").asText()).isEqualTo(published.externalId());
            assertThat(post.path("account").asText()).isEqualTo("urn:li:organization:" + organisation);
        });
    }

    @Test
    void anImageGoesThroughTheImagesApiWithItsAltText() {
        byte[] png = ("png bytes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        MediaItem image = sandbox.media(MediaKind.IMAGE, "image/png", png, "A ramp at the library entrance", null);
        String text = "Step-free access is open " + UUID.randomUUID();

        PublishResult result = connector.publish(request(new PublishStep.Post(text, List.of(image))));

        published(result);
        JsonNode held = ours().get(0);
        assertThat(held.path("text").asText()).isEqualTo(text);
        assertThat(held.path("media")).hasSize(1);
        assertThat(held.path("media").get(0).path("mediaId").asText()).startsWith("urn:li:image:");
        assertThat(held.path("media").get(0).path("altText").asText()).isEqualTo("A ramp at the library entrance");
        assertThat(held.path("media").get(0).path("sha256").asText()).isEqualTo(image.sha256());
    }

    @Test
    void aThreadIsThePostWithEachPartACommentAnsweringThePartBefore() {
        // LinkedIn has no threads: part 1 is the post, part 2 a comment on it, part 3 a reply to part 2's comment.
        String first = "Budget consultation, a thread (1/3) " + UUID.randomUUID();
        PublishResult.Published post = published(connector.publish(request(new PublishStep.Post(first, List.of()))));
        PublishResult.Published second = published(connector.publish(request(
                new PublishStep.Reply("2/3: the #options are online", List.of(), post.externalId()))));
        PublishResult.Published third = published(connector.publish(request(
                new PublishStep.Reply("3/3: tell us by 31 March (online or in person)", List.of(),
                        second.externalId()))));

        assertThat(second.externalId()).startsWith("urn:li:comment:(" + post.externalId() + ",");
        assertThat(second.url().toString()).startsWith("https://www.linkedin.com/feed/update/" + post.externalId()
                + "?commentUrn=");
        List<JsonNode> held = ours();
        assertThat(held).extracting(p -> p.path("kind").asText()).containsExactly("POST", "COMMENT", "COMMENT");
        assertThat(held.get(1).path("text").asText()).isEqualTo("2/3: the #options are online");
        assertThat(held.get(1).path("inReplyTo").asText()).isEqualTo(post.externalId());
        assertThat(held.get(2).path("text").asText()).isEqualTo("3/3: tell us by 31 March (online or in person)");
        assertThat(held.get(2).path("inReplyTo").asText()).isEqualTo(post.externalId());
        assertThat(held.get(2).path("quoteOf").asText()).isEqualTo(second.externalId());
    }

    @Test
    void aReplyIsACommentOnSomeoneElsesPost() {
        AccessToken otherToken = new AccessToken("linkedin-connector-test-other-" + UUID.randomUUID());
        String other = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999));
        PublishResult.Published theirs = published(connector.publish(sandbox.request(Network.LINKEDIN, other,
                new PublishStep.Post("Who runs the library's Saturday sessions? " + UUID.randomUUID(), List.of()),
                otherToken)));

        PublishResult.Published reply = published(connector.publish(request(
                new PublishStep.Reply("Our Libraries team does: ask at the desk", List.of(), theirs.externalId()))));

        assertThat(ours()).singleElement().satisfies(comment -> {
            assertThat(comment.path("id").asText()).isEqualTo(reply.externalId());
            assertThat(comment.path("kind").asText()).isEqualTo("COMMENT");
            assertThat(comment.path("inReplyTo").asText()).isEqualTo(theirs.externalId());
        });
    }

    @Test
    void aDuplicatePostOfTheStepsOwnEarlierCallIsPublishedWithThatPost() {
        String text = "Bin collections move on bank holidays " + UUID.randomUUID();
        PublishResult.Published first = published(connector.publish(request(new PublishStep.Post(text,
                List.of()))));

        // Another try of the step whose answer was lost: LinkedIn answers 422 DUPLICATE_POST.
        PublishResult again = connector.publish(request(new PublishStep.Post(text, List.of())));

        assertThat(published(again).externalId()).isEqualTo(first.externalId());
        assertThat(published(again).url()).isEqualTo(first.url());
        assertThat(ours()).hasSize(1);
    }

    @Test
    void aDuplicateThatCannotBeFoundFailsWithLinkedInsReasonAndCode() {
        // A look-up reading only the newest post cannot see the earlier one, as when LinkedIn remembers a post it no
        // longer lists: the step fails with LinkedIn's own words rather than publish a second time.
        LinkedInConnector shortSighted = new LinkedInConnector(sandbox.http(), sandbox.media(),
                linkedIn(sandbox.config().linkedin().version(), 1));
        String text = "Council tax bands explained " + UUID.randomUUID();
        published(shortSighted.publish(request(new PublishStep.Post(text, List.of()))));
        published(shortSighted.publish(request(new PublishStep.Post("Something newer " + UUID.randomUUID(),
                List.of()))));

        PublishResult again = shortSighted.publish(request(new PublishStep.Post(text, List.of())));

        assertThat(again).isInstanceOf(PublishResult.Failed.class);
        assertThat(((PublishResult.Failed) again).reason()).contains("422 DUPLICATE_POST")
                .contains("Content is a duplicate of urn:li:share:");
        assertThat(ours()).hasSize(2);
    }

    @Test
    void aDroppedAnswerIsReconciledByLookUpAndTheSandboxHoldsThePostOnce() {
        String text = "Polling station list (updated) " + UUID.randomUUID();
        PublishRequest request = request(new PublishStep.Post(text, List.of()));
        sandbox.dropAfterAccept(Network.LINKEDIN, 1);

        PublishResult first = connector.publish(request);

        assertThat(first).isInstanceOf(PublishResult.Unknown.class);
        PublishResult reconciled = connector.reconcile(request);
        PublishResult.Published published = published(reconciled);
        List<JsonNode> held = ours();
        assertThat(held).singleElement().satisfies(post -> {
            assertThat(post.path("text").asText()).isEqualTo(text);
            assertThat(published.url().toString()).isEqualTo(post.path("url").asText());
            assertThat(published.externalId()).isEqualTo(post.path("id").asText());
        });
    }

    @Test
    void aDroppedCommentIsReconciledByLookUpToo() {
        PublishResult.Published post = published(connector.publish(request(new PublishStep.Post(
                "Roadworks on the High Street " + UUID.randomUUID(), List.of()))));
        PublishRequest comment = request(new PublishStep.Reply("Diversions: see the map", List.of(),
                post.externalId()));
        sandbox.dropAfterAccept(Network.LINKEDIN, 1);

        assertThat(connector.publish(comment)).isInstanceOf(PublishResult.Unknown.class);
        PublishResult.Published reconciled = published(connector.reconcile(comment));

        assertThat(ours()).hasSize(2).last().satisfies(c -> assertThat(c.path("id").asText())
                .isEqualTo(reconciled.externalId()));
    }

    @Test
    void aStepThatWasNeverPostedReconcilesToRetry() {
        PublishResult result = connector.reconcile(request(new PublishStep.Post("Never sent " + UUID.randomUUID(),
                List.of())));

        assertThat(result).isInstanceOf(PublishResult.Retry.class);
        assertThat(ours()).isEmpty();
    }

    @Test
    void aRefusedTokenNeedsTheAccountConnectedAgain() {
        PublishResult result = connector.publish(sandbox.request(Network.LINKEDIN, organisation,
                new PublishStep.Post("Expired " + UUID.randomUUID(), List.of()),
                new AccessToken("sandbox-expired-linkedin-test")));

        assertThat(result).isInstanceOf(PublishResult.NeedsReconnect.class);
        assertThat(((PublishResult.NeedsReconnect) result).reason()).contains("401 INVALID_ACCESS_TOKEN");
        assertThat(ours()).isEmpty();
    }

    @Test
    void aVersionLinkedInNoLongerServesFailsWithItsCode() {
        LinkedInConnector outdated = new LinkedInConnector(sandbox.http(), sandbox.media(), linkedIn("202301", 50));

        PublishResult result = outdated.publish(request(new PublishStep.Post("Old version " + UUID.randomUUID(),
                List.of())));

        assertThat(result).isInstanceOf(PublishResult.Failed.class);
        assertThat(((PublishResult.Failed) result).reason()).contains("426 NONEXISTENT_VERSION")
                .contains("Requested version 202301 is not active");
        assertThat(ours()).isEmpty();
    }

    private PublishRequest request(PublishStep step) {
        return sandbox.request(Network.LINKEDIN, organisation, step, token);
    }

    /** What the sandbox holds from this test's organisation, oldest first. */
    private List<JsonNode> ours() {
        return sandbox.held(Network.LINKEDIN).stream()
                .filter(p -> ("urn:li:organization:" + organisation).equals(p.path("account").asText())).toList();
    }

    private static PublishResult.Published published(PublishResult result) {
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        return (PublishResult.Published) result;
    }

    /** The sandbox's settings with another LinkedIn version and look-up size. */
    private NetworksConfig linkedIn(String version, int lookupCount) {
        NetworksConfig base = sandbox.config();
        NetworksConfig.LinkedIn linkedIn = new NetworksConfig.LinkedIn() {
            @Override
            public URI baseUrl() {
                return base.linkedin().baseUrl();
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public int lookupCount() {
                return lookupCount;
            }
        };
        return (NetworksConfig) java.lang.reflect.Proxy.newProxyInstance(NetworksConfig.class.getClassLoader(),
                new Class<?>[] {NetworksConfig.class}, (proxy, method, args) -> "linkedin".equals(method.getName())
                        ? linkedIn : method.invoke(base, args));
    }

}
