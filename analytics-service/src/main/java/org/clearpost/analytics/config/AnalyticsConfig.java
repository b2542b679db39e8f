package org.clearpost.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** analytics-service's own settings; Kafka Streams' are under {@code quarkus.kafka-streams.*} and {@code kafka-streams.*}. */
@ConfigMapping(prefix = "clearpost.analytics")
public interface AnalyticsConfig {

    /**
     * Which build of the figures this process runs: generation 1 is application id {@code analytics-service}, N > 1 is
     * {@code analytics-service-gN}, a new consumer group with its own state and internal topics that rebuilds every
     * figure from the earliest offsets while the old generation keeps answering (README, "Replay").
     */
    @WithDefault("1")
    int generation();

    /** How long a request waits for another replica's rows before answering 503. */
    @WithDefault("5s")
    Duration queryTimeout();

    /** The application id of a generation. */
    static String applicationId(String service, int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("clearpost.analytics.generation must be 1 or more, was " + generation);
        }
        return generation == 1 ? service : service + "-g" + generation;
    }
}
