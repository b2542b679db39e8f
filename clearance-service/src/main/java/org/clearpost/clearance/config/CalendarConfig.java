package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;

/** The business calendar deadlines are counted in: Europe/London office hours and one division's bank holidays. */
@ConfigMapping(prefix = "clearpost.clearance.calendar")
public interface CalendarConfig {

    /** gov.uk division key: england-and-wales, scotland or northern-ireland. */
    @WithDefault("england-and-wales")
    String division();

    @WithDefault("09:00")
    LocalTime opens();

    @WithDefault("17:00")
    LocalTime closes();
}
