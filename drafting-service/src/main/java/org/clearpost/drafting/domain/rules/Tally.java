package org.clearpost.drafting.domain.rules;

/**
 * Adds up a text unit by unit (a grapheme cluster, a link...) against a limit, and remembers where the first unit
 * that went over it starts: that is where the network would cut, so where the problem is shown to start.
 */
final class Tally {

    private final int max;
    private long total;
    private int overflowStart = -1;

    Tally(int max) {
        this.max = max;
    }

    /** Counts a unit starting at UTF-16 index {@code start} as {@code weight}. */
    void add(int start, int weight) {
        total += weight;
        if (overflowStart < 0 && total > max) {
            overflowStart = start;
        }
    }

    long total() {
        return total;
    }

    int max() {
        return max;
    }

    boolean over() {
        return overflowStart >= 0;
    }

    /** Where the first unit over the limit starts; only when {@link #over()}. */
    int overflowStart() {
        return overflowStart;
    }

    /** Adds each grapheme cluster of {@code text} with the given weight. */
    static Tally clusters(RuleText text, int max, ClusterWeight weight) {
        Tally tally = new Tally(max);
        int[] b = text.clusters();
        String s = text.value();
        for (int i = 0; i + 1 < b.length; i++) {
            tally.add(b[i], weight.of(s, b[i], b[i + 1]));
        }
        return tally;
    }

    @FunctionalInterface
    interface ClusterWeight {
        int of(String text, int start, int end);
    }
}
