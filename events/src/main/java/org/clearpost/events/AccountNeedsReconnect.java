package org.clearpost.events;

import java.time.Instant;

/**
 * A connected account's token can no longer be used or refreshed (the network refused the refresh, or refused the
 * token itself): an admin must connect the account again. Its publications wait, held, until then, and go out when
 * it is connected ({@link AccountConnected}). Keyed by {@code network/account}.
 *
 * @param reason the network's own words (e.g. {@code invalid_grant: refresh token revoked})
 * @param heldPublications publications of the account held at that moment
 */
public record AccountNeedsReconnect(Network network, String account, String reason, int heldPublications,
        Instant detectedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return network.name() + "/" + account;
    }
}
