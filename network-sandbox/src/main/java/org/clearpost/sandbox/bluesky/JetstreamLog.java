package org.clearpost.sandbox.bluesky;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the sandbox's Jetstream keeps: every post version in {@code time_us} order, for the {@code window} before the
 * newest, and separately every post that notified the body's account, kept for good (notifications outlive the
 * Jetstream window, which is why a client that was away longer pages them). Positions are absolute sequence numbers,
 * so a reader's position survives the window sliding. Thread-safe.
 */
public final class JetstreamLog {

    private final List<BlueskyPost> events = new ArrayList<>();
    private final List<BlueskyPost> notifications = new ArrayList<>();
    private final List<BlueskyPost> made = new ArrayList<>();
    private long firstSeq;
    private long lastTimeUs;

    /** A {@code time_us} for an event seen now: later than every one before, as Jetstream's are. */
    public synchronized long nextTimeUs(long nowUs) {
        lastTimeUs = Math.max(nowUs, lastTimeUs + 1);
        return lastTimeUs;
    }

    /** Keeps {@code post}, and forgets events older than {@code windowUs} before it. */
    public synchronized void append(BlueskyPost post, long windowUs) {
        events.add(post);
        if ("create".equals(post.operation())) {
            made.add(post);
            if (post.mention()) {
                notifications.add(post);
            }
        }
        prune(post.timeUs(), windowUs);
    }

    /** Forgets events older than {@code windowUs} before {@code nowUs}. */
    public synchronized void prune(long nowUs, long windowUs) {
        int drop = 0;
        long oldest = nowUs - windowUs;
        while (drop < events.size() && events.get(drop).timeUs() < oldest) {
            drop++;
        }
        if (drop > 0) {
            events.subList(0, drop).clear();
            firstSeq += drop;
        }
    }

    /** The sequence number of the next event to be appended: where a reader without a cursor starts (live). */
    public synchronized long end() {
        return firstSeq + events.size();
    }

    /**
     * Where a reader with {@code cursorUs} starts: the first event at or after it (the cursor is inclusive), the oldest
     * kept if it is older than the window (Jetstream v1 clamps silently), the end if it is in the future.
     */
    public synchronized long seqAt(long cursorUs) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).timeUs() < cursorUs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return firstSeq + low;
    }

    /**
     * Up to {@code max} events from {@code seq} on; a position the window has passed reads from the oldest kept
     * (events in between are gone, as they would be for a reader that slow).
     */
    public synchronized List<BlueskyPost> read(long seq, int max) {
        int from = (int) Math.max(0, seq - firstSeq);
        if (from >= events.size()) {
            return List.of();
        }
        return List.copyOf(events.subList(from, Math.min(events.size(), from + max)));
    }

    /** The first position {@link #read} will use for {@code seq}: {@code seq}, or the oldest kept if that is later. */
    public synchronized long clamp(long seq) {
        return Math.max(seq, firstSeq);
    }

    /** The account's notifications, newest first. */
    public synchronized List<BlueskyPost> notificationsNewestFirst() {
        List<BlueskyPost> list = new ArrayList<>(notifications);
        list.sort(Comparator.comparingLong(BlueskyPost::timeUs).reversed());
        return list;
    }

    /** Every post made (first versions), oldest first. */
    public synchronized List<BlueskyPost> made() {
        return List.copyOf(made);
    }

    public synchronized long madeCount() {
        return made.size();
    }

    /** A recent first version, for an update; null if none. */
    public synchronized BlueskyPost recent(int back) {
        return made.isEmpty() ? null : made.get(Math.max(0, made.size() - 1 - back));
    }

    public synchronized void clear() {
        firstSeq += events.size();
        events.clear();
        notifications.clear();
        made.clear();
    }
}
