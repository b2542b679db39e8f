package org.clearpost.publisher.rest;

import java.time.Instant;
import org.clearpost.events.Network;
import org.clearpost.publisher.domain.ConnectedAccount;

/**
 * A connected account as admins see it: never a token.
 *
 * @param method {@code oauth2}, {@code oauth1} or {@code token}
 * @param expiresAt when the access token expires (it is refreshed before); null when it does not, or nobody said
 * @param needsReconnect the network refused the token or its refresh: connect the account again
 * @param reconnectReason the network's own words, while it needs a reconnect
 */
public record AccountView(Network network, String account, String connectedBy, Instant connectedAt, String method,
        Instant expiresAt, boolean needsReconnect, String reconnectReason) {

    static AccountView of(ConnectedAccount account) {
        return new AccountView(account.network, account.account, account.connectedBy, account.connectedAt,
                account.method, account.expiresAt, account.needsReconnect, account.reconnectReason);
    }
}
