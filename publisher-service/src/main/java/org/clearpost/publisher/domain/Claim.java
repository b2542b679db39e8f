package org.clearpost.publisher.domain;

import org.clearpost.publisher.network.NetworkConnector;
import org.clearpost.publisher.network.PublishRequest;

/** What the publish worker has to do with the publication it just claimed. */
public sealed interface Claim {

    /**
     * Make the call, then report the result to {@link PublicationLedger#recordOutcome}. With {@code reconcile} the
     * last call of this step had an unknown outcome: the call is {@link NetworkConnector#reconcile}, never a blind
     * {@link NetworkConnector#publish}.
     */
    record Call(NetworkConnector connector, PublishRequest request, boolean reconcile) implements Claim {

        public Call(NetworkConnector connector, PublishRequest request) {
            this(connector, request, false);
        }
    }

    /**
     * Nothing to call: the publication already failed (no connector, account not connected) or was put off (a rate
     * budget of its network is spent).
     */
    record Settled() implements Claim {
    }
}
