package org.clearpost.publisher.network;

import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;

/** One call to make: the text, the account and its token. The token prints as redacted. */
public record PublishRequest(UUID publicationId, Network network, String account, String text, AccessToken token) {
}
