package org.clearpost.events;

import java.time.Instant;

/**
 * An admin connected an account (first time or again), through the network's OAuth flow or by handing over a token.
 * Publications held for the account go back to pending. Keyed by {@code network/account}.
 *
 * @param method {@code oauth2} (authorization code, with PKCE where the network takes it), {@code oauth1} (Flickr)
 *        or {@code token} (handed over)
 * @param expiresAt when the access token expires, when the network says; it is refreshed before then
 * @param releasedPublications publications held for the account that went back to pending
 */
public record AccountConnected(Network network, String account, String connectedBy, String method,
        Instant expiresAt, int releasedPublications, Instant connectedAt) implements ClearpostEvent {

    @Override
    public String aggregateId() {
        return network.name() + "/" + account;
    }
}
