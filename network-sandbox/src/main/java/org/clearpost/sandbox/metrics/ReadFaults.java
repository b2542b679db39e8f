package org.clearpost.sandbox.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures scripted for the metrics reads of one token ({@code POST /sandbox/faults}): its next calls get these
 * statuses (503: the network is over capacity; 429: rate limited), so a client's retries can be tried. Per token, so
 * tests using different tokens never meet.
 */
@ApplicationScoped
public class ReadFaults {

    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    public void script(String fingerprint, int status, int times) {
        Deque<Integer> script = scripts.computeIfAbsent(fingerprint, f -> new ArrayDeque<>());
        synchronized (script) {
            for (int i = 0; i < times; i++) {
                script.add(status);
            }
        }
    }

    /** The status the next read by this token must fail with, if one was scripted. */
    public Optional<Integer> next(String fingerprint) {
        Deque<Integer> script = scripts.get(fingerprint);
        if (script == null) {
            return Optional.empty();
        }
        synchronized (script) {
            return Optional.ofNullable(script.poll());
        }
    }
}
