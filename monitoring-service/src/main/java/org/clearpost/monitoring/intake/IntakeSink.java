package org.clearpost.monitoring.intake;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where intakes hand what they read: the raw-mentions topic. Nothing an intake reads is acknowledged to the network
 * or forgotten before this has made it durable.
 */
public interface IntakeSink {

    /**
     * For a reading intake (a stream, a poll): writes {@code items} and the intake's new cursor in one Kafka
     * transaction, and returns once it has committed. After a crash the intake resumes from the last committed cursor,
     * so an item is never lost; an item read again after the crash is written again and deduplicated downstream.
     * Called by one thread per intake (the intake's runner).
     *
     * @param intake the intake's name ({@link NetworkIntake#name()})
     * @param cursor the position to resume from once these items are safe; null keeps the last one
     */
    void write(String intake, List<RawItem> items, String cursor);

    /** The last committed cursor of {@code intake}, if it ever committed one. */
    Optional<String> cursor(String intake);

    /**
     * For a pushed delivery (a webhook): writes the items, idempotently, and completes once the broker has them all
     * (acks=all); only then may the webhook answer 2xx. Safe to call from many request threads at once.
     */
    CompletionStage<Void> deliver(List<RawItem> items);
}
