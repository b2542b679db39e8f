package org.clearpost.publisher.network;

import org.clearpost.events.Network;

/**
 * Publishes one step to one account of one network. Called outside any database transaction; it must answer with
 * a result rather than throw. It answers {@link PublishResult.Retry} only when the network certainly did not publish,
 * and {@link PublishResult.Unknown} when it cannot tell: the publisher then calls {@link #reconcile} for that step,
 * never {@link #publish} blindly.
 */
public interface NetworkConnector {

    /** How a connector finds out what became of a call whose outcome is unknown. */
    enum Reconciliation {
        /**
         * The network makes a repeat harmless (Mastodon's {@code Idempotency-Key}, Bluesky's record key, Threads'
         * stored container): reconciling is publishing again with the same {@link PublishRequest#stepKey()} and
         * {@link PublishRequest#memory()}.
         */
        IDEMPOTENT_RETRY,
        /**
         * The network has no such key: reconciling looks for this step's exact content among the account's recent
         * posts (X user timeline, Page feed, LinkedIn posts...) before anything is sent again.
         */
        LOOKUP
    }

    Network network();

    Reconciliation reconciliation();

    PublishResult publish(PublishRequest request);

    /**
     * Finds out what became of a step whose call's outcome was unknown. Answers {@link PublishResult.Published} when
     * the step is on the network (with its id and URL), {@link PublishResult.Retry} only when it certainly is not (it
     * is then published again), {@link PublishResult.Unknown} when the network cannot tell yet (asked again later),
     * or what a new call answered. The default, for {@link Reconciliation#IDEMPOTENT_RETRY}, repeats the call.
     */
    default PublishResult reconcile(PublishRequest request) {
        if (reconciliation() != Reconciliation.IDEMPOTENT_RETRY) {
            throw new UnsupportedOperationException(network() + " reconciles by look-up and must say how");
        }
        return publish(request);
    }
}
