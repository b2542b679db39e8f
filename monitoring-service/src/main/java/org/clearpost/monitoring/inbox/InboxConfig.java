package org.clearpost.monitoring.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The inbox's claims: how long one lasts without renewal, and how the expired ones are swept. */
@ConfigMapping(prefix = "clearpost.monitoring.inbox")
public interface InboxConfig {

    /** A claim lasts this long unless its holder renews it (claims again); then anyone may take the mention. */
    @WithDefault("15m")
    Duration claimTimeout();

    /** How often each replica releases expired claims (as {@code system}, audited). */
    @WithDefault("1m")
    Duration sweepInterval();

    /** Expired claims released per sweep transaction. */
    @WithDefault("500")
    int sweepBatch();
}
