package org.clearpost.analytics.query;

/**
 * The figures cannot be answered right now: the application is rebalancing or restoring its stores, or a replica that
 * holds some of the rows did not answer in time. A 503 with {@code Retry-After}: asking again shortly will work.
 */
public class FiguresUnavailableException extends RuntimeException {

    private final int retryAfterSeconds;

    public FiguresUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
