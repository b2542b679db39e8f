package org.clearpost.publisher.metrics;

import java.util.Map;
import org.clearpost.publisher.tokens.AccessToken;

/**
 * One sample to read from a network.
 *
 * @param publicOnly X: the post is 30 days old or more, so only public metrics are asked for
 * @param withdrawn  metrics the network is known to have withdrawn, with the network's words: not asked for, reported unavailable
 */
public record SampleRequest(String externalId, String account, AccessToken token, boolean publicOnly,
        Map<String, String> withdrawn) {
}
