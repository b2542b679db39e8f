package org.clearpost.analytics.stream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Target;

/** Events for the stream tests. */
final class TopologyFixtures {

    private TopologyFixtures() {
    }

    static PostDrafted drafted() {
        return drafted(UUID.randomUUID(), "clearpost_demo", Instant.parse("2026-05-04T09:00:00Z"));
    }

    static PostDrafted drafted(UUID postId, String account, Instant at) {
        Target x = new Target(UUID.randomUUID(), Network.X, account, null, null, null, null, null, null);
        return new PostDrafted(postId, 1, "sha256:" + "0".repeat(64), "dana", "Hello", List.of(x), null, null, null,
                null, null, null, List.of(), at);
    }

    static PostPublished published() {
        return new PostPublished(UUID.randomUUID(), 1, UUID.randomUUID(), Network.X, "clearpost_demo", "1790",
                "https://x.com/clearpost_demo/status/1790", false, Instant.parse("2026-05-04T10:00:00Z"));
    }
}
