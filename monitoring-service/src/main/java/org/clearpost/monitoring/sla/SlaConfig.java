package org.clearpost.monitoring.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.clearpost.events.MentionPriority;

/** Policy 4.2: monitoring in weekday office hours; the response due times per priority count only those hours. */
@ConfigMapping(prefix = "clearpost.monitoring.sla")
public interface SlaConfig {

    /** The gov.uk bank-holiday division whose holidays are not working days. */
    @WithDefault("england-and-wales")
    String division();

    @WithDefault("09:00")
    LocalTime opens();

    @WithDefault("17:00")
    LocalTime closes();

    /** Business time allowed for a first response, per priority (e.g. {@code response-time.high=4h}). */
    Map<MentionPriority, Duration> responseTime();

    /** FOIA s.10: working days to answer a request for information, counted from the working day after receipt. */
    @WithDefault("20")
    int foiWorkingDays();

    /** The sweep that marks mentions past their due time and announces each once ({@code OverdueSweeper}). */
    Overdue overdue();

    interface Overdue {

        /** How often the sweep runs, e.g. {@code 1m}; {@code off} stops it. Read by the scheduler. */
        @WithDefault("1m")
        String interval();

        /** Mentions marked per transaction: a long backlog is worked through in short transactions. */
        @WithDefault("200")
        int batch();
    }
}
