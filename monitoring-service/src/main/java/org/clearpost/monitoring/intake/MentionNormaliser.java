package org.clearpost.monitoring.intake;

import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * Turns one network's raw items into mentions. One bean per network; the pipeline dispatches by
 * {@link #network()} and fails at start-up if a network that has an intake has no normaliser.
 */
public interface MentionNormaliser {

    Network network();

    /**
     * The mentions in one raw item: usually one, none for an item that is not a mention (a like, a delete, a
     * Jetstream commit that mentions nobody we watch and matches nothing is still returned: matching is the
     * pipeline's job), several for a delivery that carries several.
     *
     * @throws UnparseableItemException when the payload is not what the network documents; the pipeline dead-letters
     *                                  this item with the message and stores the rest of the batch
     */
    List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException;
}
