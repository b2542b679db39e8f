package org.clearpost.publisher.network;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a connector must keep between tries of one publication step, committed before it goes on: a Threads
 * container id, a YouTube resumable upload session, a Bluesky blob. The ledger keeps it per publication and step,
 * so a retry after a crash or an unknown outcome finds what the first try made rather than making it again.
 */
public interface StepMemory {

    Optional<String> recall(String name);

    /** Keeps {@code value} under {@code name} for this step; committed (durably) when it returns. */
    void remember(String name, String value);

    /** A memory that lives as long as the object: for plain tests of a connector. */
    static StepMemory inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new StepMemory() {
            @Override
            public Optional<String> recall(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public void remember(String name, String value) {
                values.put(name, value);
            }
        };
    }
}
