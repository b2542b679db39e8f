package org.clearpost.sandbox.domain;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numeric ids shaped like the networks' snowflake ids (time in the high bits), strictly increasing and never
 * reused, even across a reset, so a connector cannot confuse a post from before a reset with one after it.
 */
public final class Ids {

    // X's snowflake epoch (2010-11-04): gives ids of the same 19-digit size as real ones.
    private static final long EPOCH_MILLIS = 1288834974657L;
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static String next() {
        long candidate = (System.currentTimeMillis() - EPOCH_MILLIS) << 22;
        return Long.toString(LAST.updateAndGet(last -> Math.max(last + 1, candidate)));
    }
}
