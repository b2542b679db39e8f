package org.clearpost.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One target of a cleared post is live on its network.
 *
 * @param late the post was cleared after its scheduled time and so went out as soon as it was cleared
 */
public record PostPublished(UUID postId, int version, UUID targetId, Network network, String account,
        String externalId, String url, boolean late, Instant publishedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
