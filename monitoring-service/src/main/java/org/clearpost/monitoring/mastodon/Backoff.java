package org.clearpost.monitoring.mastodon;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter between reconnects: doubles per failure from {@code min} to {@code max}. */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration current;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
        this.current = min;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the maximum. */
    Duration next() {
        Duration wait = current;
        current = current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
        // up to 20% less, so many clients dropped at once by the same proxy do not all return in step
        long jitter = (long) (wait.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
        return wait.minusMillis(jitter);
    }

    /** After a connection that worked: the next failure waits the minimum again. */
    void reset() {
        current = min;
    }
}
