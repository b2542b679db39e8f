package org.clearpost.events.figures;

/**
 * p50, p90 and the maximum of a set of durations in seconds, read from a mergeable sketch (t-digest).
 *
 * @param count how many durations
 */
public record Percentiles(long count, double p50, double p90, double max) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0);
}
