package org.clearpost.clearance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;

/** PostDrafted events as drafting sends them. */
public final class DraftedPostMother {

    private DraftedPostMother() {
    }

    public static PostDrafted byDana() {
        return version(UUID.randomUUID(), 1, "dana");
    }

    public static PostDrafted version(UUID postId, int version, String author) {
        return new PostDrafted(postId, version, "sha256:" + Integer.toHexString(version).repeat(64).substring(0, 64),
                author, "Our office is closed on the bank holiday. Version " + version,
                List.of(new Target(UUID.randomUUID(), Network.X, "clearpost_demo"),
                        new Target(UUID.randomUUID(), Network.FACEBOOK, "1234567890")),
                null, null, null, null, null, null, List.of(), Instant.now());
    }
}
