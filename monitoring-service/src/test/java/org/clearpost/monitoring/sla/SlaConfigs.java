package org.clearpost.monitoring.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.events.MentionPriority;

/** The SLA configuration of application.properties, for plain-JUnit tests of what depends on due times. */
public final class SlaConfigs {

    private SlaConfigs() {
    }

    /** As in application.properties. */
    public static Map<MentionPriority, Duration> configuredTimes() {
        Map<MentionPriority, Duration> times = new EnumMap<>(MentionPriority.class);
        times.put(MentionPriority.CRITICAL, Duration.ofHours(1));
        times.put(MentionPriority.HIGH, Duration.ofHours(4));
        times.put(MentionPriority.MEDIUM, Duration.ofHours(16));
        times.put(MentionPriority.LOW, Duration.ofHours(40));
        return times;
    }

    public static DueTimes dueTimes(String division, Map<MentionPriority, Duration> times) {
        Map<MentionPriority, Duration> copy = Map.copyOf(times);
        return new DueTimes(new SlaConfig() {
            @Override
            public String division() {
                return division;
            }

            @Override
            public LocalTime opens() {
                return LocalTime.of(9, 0);
            }

            @Override
            public LocalTime closes() {
                return LocalTime.of(17, 0);
            }

            @Override
            public Map<MentionPriority, Duration> responseTime() {
                return copy;
            }

            @Override
            public int foiWorkingDays() {
                return 20;
            }

            @Override
            public Overdue overdue() {
                throw new UnsupportedOperationException("not used by DueTimes");
            }
        });
    }
}
