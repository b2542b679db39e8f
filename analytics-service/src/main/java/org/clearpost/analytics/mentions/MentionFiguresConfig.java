package org.clearpost.analytics.mentions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * The mention figures' windows. A prefix of their own ({@code clearpost.figures}), so that analytics' own settings
 * ({@code clearpost.analytics}) stay one mapping.
 */
@ConfigMapping(prefix = "clearpost.figures")
public interface MentionFiguresConfig {

    @WithName("mentions-hourly")
    Hourly mentionsHourly();

    interface Hourly {

        /**
         * How long after an hour ends (in stream time: the latest CloudEvents time analytics has read) a mention of
         * that hour still counts. Monitoring delivers mentions minutes after they were written; an intake catching up
         * after an outage may deliver them later, and those are dropped and counted ({@code late-mention-dropped}).
         */
        @WithDefault("2h")
        Duration grace();

        /** How long an hour's rows are kept; older rows are deleted from the store and tombstoned on the topic. */
        @WithDefault("90d")
        Duration retention();
    }
}
