package org.clearpost.sandbox.metrics;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The engagement the sandbox reports. */
@ConfigMapping(prefix = "clearpost.sandbox.metrics")
public interface MetricsSandboxConfig {

    /**
     * Graph post insights metrics to treat as withdrawn, on top of those Meta already removed: asking for one fails
     * the whole request with {@code (#100) The value must be a valid insights metric}, as Graph does, so a client's
     * handling of the next withdrawal can be tried.
     */
    Optional<List<String>> facebookWithdrawnMetrics();
}
