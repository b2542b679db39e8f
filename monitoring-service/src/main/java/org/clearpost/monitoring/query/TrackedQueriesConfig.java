package org.clearpost.monitoring.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tracked queries reach every replica's matcher. */
@ConfigMapping(prefix = "clearpost.monitoring.queries")
public interface TrackedQueriesConfig {

    /**
     * How often each replica checks the table's fingerprint for changes made through another replica (its own changes
     * are applied as soon as they commit).
     */
    @WithDefault("3s")
    Duration pollInterval();
}
