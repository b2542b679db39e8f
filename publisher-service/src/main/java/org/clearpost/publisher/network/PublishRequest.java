package org.clearpost.publisher.network;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;

/**
 * One call to make: the step, the account and its token. The token prints as redacted.
 *
 * @param stepKey the same for every try of one step of one publication, and different for every other step: what a
 *        connector sends as an idempotency key (Mastodon) or derives a record key from (Bluesky)
 * @param memory what earlier tries of this step kept (see {@link StepMemory})
 */
public record PublishRequest(UUID publicationId, Network network, String account, PublishStep step,
        AccessToken token, String stepKey, StepMemory memory) {

    /** The step key of step {@code stepIndex} (0-based) of a publication: a name-based UUID, stable across tries. */
    public static String stepKey(UUID publicationId, int stepIndex) {
        return UUID.nameUUIDFromBytes((publicationId + "/" + stepIndex).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
