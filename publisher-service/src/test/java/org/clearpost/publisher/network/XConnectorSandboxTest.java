package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.junit.jupiter.api.Test;

/** The X connector against the real network sandbox (plain JUnit, no Quarkus start). */
class XConnectorSandboxTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final XConnector connector = new XConnector(sandbox.http(), sandbox.media(), sandbox.config());

    @Test
    void aTextPostIsPublishedOnceWithItsUrl() {
        AccessToken token = new AccessToken("x-connector-test-" + UUID.randomUUID());
        String text = "Our guidance on subject access requests is updated " + UUID.randomUUID();

        PublishResult result = connector.publish(sandbox.request(Network.X, "clearpost_demo",
                new PublishStep.Post(text, List.of()), token));

        assertThat(result).isInstanceOf(PublishResult.Published.class);
        PublishResult.Published published = (PublishResult.Published) result;
        assertThat(published.url().toString()).endsWith("/status/" + published.externalId());
        assertThat(sandbox.held(Network.X)).filteredOn(p -> text.equals(p.path("text").asText())).hasSize(1);
    }
}
