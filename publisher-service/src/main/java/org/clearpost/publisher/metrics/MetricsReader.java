package org.clearpost.publisher.metrics;

import org.clearpost.events.Network;

/** Reads a published post's engagement from its network. One bean per network that offers metrics. */
public interface MetricsReader {

    Network network();

    /** Never throws for what the network answered or a failed call: the result says what it means. */
    SampleResult read(SampleRequest request);
}
