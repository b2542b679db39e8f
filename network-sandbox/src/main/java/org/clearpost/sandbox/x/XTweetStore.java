package org.clearpost.sandbox.x;

/**
 * Every post the firehose made, in id order (ids only increase), up to a cap beyond which the oldest are forgotten.
 * A post is two longs (its id and the id of the original it edits, itself for an original): the content is derived
 * from its position, so two million posts cost 32 MB rather than the gigabytes their JSON would. Positions are
 * absolute (counted since the last reset) and double as the post's sequence number. Not thread-safe: the firehose
 * guards it.
 */
final class XTweetStore {

    private final int cap;
    private long[] ids = new long[1024];
    private long[] originals = new long[1024];
    private long first;
    private long next;

    XTweetStore(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be >= 1");
        }
        this.cap = cap;
    }

    /** Appends a post (ids must increase) and returns its position. */
    long append(long id, long originalId) {
        if (next > first && id <= id(next - 1)) {
            throw new IllegalArgumentException("ids must increase: " + id + " after " + id(next - 1));
        }
        if (next - first == ids.length && ids.length < cap) {
            grow();
        }
        if (next - first == cap) {
            first++;
        }
        int slot = slot(next);
        ids[slot] = id;
        originals[slot] = originalId;
        return next++;
    }

    /** The oldest position still held. */
    long first() {
        return first;
    }

    /** One past the newest position. */
    long end() {
        return next;
    }

    long id(long position) {
        return ids[slot(checked(position))];
    }

    long original(long position) {
        return originals[slot(checked(position))];
    }

    /** The first position whose id is greater than {@code id} ({@link #end()} if none). */
    long after(long id) {
        long lo = first;
        long hi = next;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (id(mid) <= id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void clear() {
        first = 0;
        next = 0;
        ids = new long[1024];
        originals = new long[1024];
    }

    private void grow() {
        int size = (int) Math.min(cap, (long) ids.length * 2);
        long[] newIds = new long[size];
        long[] newOriginals = new long[size];
        // Copy in position order so that slot(p) = p % length holds for the new length too.
        for (long p = first; p < next; p++) {
            newIds[(int) (p % size)] = ids[slot(p)];
            newOriginals[(int) (p % size)] = originals[slot(p)];
        }
        ids = newIds;
        originals = newOriginals;
    }

    private int slot(long position) {
        return (int) (position % ids.length);
    }

    private long checked(long position) {
        if (position < first || position >= next) {
            throw new IndexOutOfBoundsException("position " + position + " not in [" + first + ", " + next + ")");
        }
        return position;
    }
}
