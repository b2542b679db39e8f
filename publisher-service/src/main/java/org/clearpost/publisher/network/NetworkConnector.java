package org.clearpost.publisher.network;

import org.clearpost.events.Network;

/**
 * Publishes one text to one account of one network. Called outside any database transaction; it must answer with
 * a result rather than throw, and must only answer {@link PublishResult.Retry} when the network certainly did not
 * publish, since a retry of a call that did publish would post twice.
 */
public interface NetworkConnector {

    Network network();

    PublishResult publish(PublishRequest request);
}
