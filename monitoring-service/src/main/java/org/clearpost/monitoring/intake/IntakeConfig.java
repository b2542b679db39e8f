package org.clearpost.monitoring.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How intakes are run (IntakeSupervisor) and how their items reach Kafka (KafkaIntakeSink). */
@ConfigMapping(prefix = "clearpost.monitoring.intake")
public interface IntakeConfig {

    /**
     * How often a replica that does not hold an intake's lease tries to take it, and how often the holder checks that
     * its lease connection is still alive (a lost connection is a lost lease: the intake stops at once).
     */
    @WithDefault("5s")
    Duration leaseInterval();

    /** The first wait before a failed intake run is started again; doubled on each failure in a row. */
    @WithDefault("1s")
    Duration restartFirst();

    /** The longest wait between runs of a failing intake; a run that lasted longer than this resets the back-off. */
    @WithDefault("1m")
    Duration restartMax();

    /** How long shutdown (or a lost lease) waits for an intake's thread to end after interrupting it. */
    @WithDefault("10s")
    Duration stopTimeout();

    /** Producer {@code linger.ms}: how long a record may wait for others to fill its batch. */
    @WithDefault("10")
    int lingerMs();

    /** Producer {@code batch.size} in bytes, per partition. */
    @WithDefault("262144")
    int batchSize();

    /** The largest raw record the producers send ({@code max.request.size}, bytes). */
    @WithDefault("4194304")
    int maxRequestSize();

    /**
     * The broker aborts a transaction left open this long ({@code transaction.timeout.ms}): after a replica dies
     * mid-batch, the raw topic's read_committed readers wait at most this long (or until the intake's next run
     * fences it) before they see past it.
     */
    @WithDefault("30s")
    Duration transactionTimeout();

    /** How long {@link IntakeSink#cursor} may take to read the cursor topic to its end. */
    @WithDefault("60s")
    Duration cursorReadTimeout();
}
