package org.clearpost.support.reliability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out a transient failure (a database or broker away); they never give up. */
@ConfigMapping(prefix = "clearpost.consumer.retry")
public interface ConsumerRetryConfig {

    /** The wait before the first retry; each further retry waits twice as long, up to {@link #max()}. */
    @WithDefault("100ms")
    Duration first();

    /** The longest wait between two attempts. */
    @WithDefault("10s")
    Duration max();
}
