package org.clearpost.publisher.domain;

import java.time.Instant;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.Credentials;

/**
 * A refresh claimed by one refresher: the account's current credentials (refresh token in the clear, for the one
 * call) and the connection it belongs to, so a refresh that ends after an admin connected the account again does not
 * overwrite the newer grant.
 */
public record RefreshClaim(Network network, String account, Credentials current, Instant connectedAt,
        Instant claimedAt) {
}
