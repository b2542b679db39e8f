package org.clearpost.publisher.domain;

import org.clearpost.publisher.tokens.AccessToken;

/** What an account's token allows at claim time. */
public sealed interface AccountToken {

    /** Not connected at all. */
    record NotConnected() implements AccountToken {
    }

    /** A token that works now. */
    record Usable(AccessToken token) implements AccountToken {
    }

    /** Expired (or about to), with a refresh token: the refresher is on it, the publication waits a moment. */
    record BeingRefreshed() implements AccountToken {
    }

    /** An admin must connect the account again: the network's reason. */
    record NeedsReconnect(String reason) implements AccountToken {
    }
}
