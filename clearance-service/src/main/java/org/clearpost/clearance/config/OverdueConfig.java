package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Who hears about cases that pass their due time undecided. The scan interval is {@code scan-interval}. */
@ConfigMapping(prefix = "clearpost.clearance.overdue")
public interface OverdueConfig {

    /** Usernames of the leads named in ClearanceOverdue. */
    List<String> leads();

    /** How often the scan runs, e.g. {@code 1m}; read by the scheduler. */
    String scanInterval();
}
