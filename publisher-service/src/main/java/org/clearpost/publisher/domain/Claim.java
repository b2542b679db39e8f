package org.clearpost.publisher.domain;

import org.clearpost.publisher.network.NetworkConnector;
import org.clearpost.publisher.network.PublishRequest;

/** What the publish worker has to do with the publication it just claimed. */
public sealed interface Claim {

    /** Make the call, then report the result to {@link PublicationLedger#recordOutcome}. */
    record Call(NetworkConnector connector, PublishRequest request) implements Claim {
    }

    /** Nothing to call (no connector, account not connected): the publication already failed. */
    record Settled() implements Claim {
    }
}
