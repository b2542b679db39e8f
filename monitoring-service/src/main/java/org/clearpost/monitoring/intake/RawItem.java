package org.clearpost.monitoring.intake;

import java.time.Instant;
import org.clearpost.events.Network;

/**
 * One item exactly as a network sent it (its own JSON), on its way to the raw-mentions topic. Intakes do no more than
 * read and hand over: parsing, cleaning, dedupe and matching happen in the pipeline, so an item an intake cannot make
 * sense of still reaches the pipeline, which stores the rest of its batch and dead-letters that one with the reason.
 *
 * @param network     where it came from
 * @param key         the raw topic's record key: stable for every version of the item (X: the first id of
 *                    {@code edit_history_tweet_ids}; Bluesky: the at-uri; Facebook: the comment or post id), so all
 *                    versions and repeats of one item land on one partition, in order, with one consumer
 * @param kind        what the payload is, for the network's normaliser (e.g. {@code tweet}, {@code notification},
 *                    {@code jetstream-commit}, {@code feed-change})
 * @param account     the body's account the intake was reading for, when it reads per account; else null
 * @param deliveredAt when the network delivered it to us (the start of the delivery-to-inbox latency)
 * @param payload     the item's JSON as received (one element, not the whole batch)
 */
public record RawItem(Network network, String key, String kind, String account, Instant deliveredAt, String payload) {
}
