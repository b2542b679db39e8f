package org.clearpost.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "clearpost.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new outbox rows when it found none last time. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows relayed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before retrying it. */
    @WithDefault("30s")
    Duration sendTimeout();
}
