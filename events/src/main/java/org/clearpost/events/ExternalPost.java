package org.clearpost.events;

import java.util.UUID;

/**
 * A post on a network that is not (necessarily) the body's own: the mention a reply answers, or the post a repost
 * shares. {@code author} is the network handle or id, as the network gives it.
 *
 * @param mentionId monitoring's id for it when it came in as a mention, else {@code null}
 */
public record ExternalPost(Network network, String externalId, String author, String url, UUID mentionId) {
}
