package org.clearpost.publisher.network;

import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;

/** One call to make: the step, the account and its token. The token prints as redacted. */
public record PublishRequest(UUID publicationId, Network network, String account, PublishStep step,
        AccessToken token) {
}
