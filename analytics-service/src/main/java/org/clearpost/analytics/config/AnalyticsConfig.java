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

    /** The application id Kafka Streams runs under; derived from the generation unless set (ApplicationIdInterceptor). */
    String applicationId();

    /** The host name other replicas reach this one at (with {@link #advertisedPort()}: {@code application.server}). */
    String advertisedHost();

    /** The HTTP port other replicas reach this one at: the service's own HTTP port. */
    int advertisedPort();

    /** Kafka Streams' state directory (RocksDB stores, one subdirectory per application id). */
    String stateDir();

    /** Warm copies of each store on other replicas: 1 when more than one replica runs, else 0. */
    @WithDefault("0")
    int standbyReplicas();

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
