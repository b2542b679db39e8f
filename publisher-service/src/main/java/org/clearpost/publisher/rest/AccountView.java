package org.clearpost.publisher.rest;

import java.time.Instant;
import org.clearpost.events.Network;
import org.clearpost.publisher.domain.ConnectedAccount;

/** A connected account as admins see it: never the token. */
public record AccountView(Network network, String account, String connectedBy, Instant connectedAt) {

    static AccountView of(ConnectedAccount account) {
        return new AccountView(account.network, account.account, account.connectedBy, account.connectedAt);
    }
}
