package org.clearpost.monitoring.youtube;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the poller stopped: the newest {@code publishedAt} written and the ids of the threads written with exactly
 * that time. YouTube gives no "since" parameter and times to the second, so several threads share a time: a poll
 * stops at the first thread strictly older than the cursor and skips only the ids listed here. Stored as
 * {@code <publishedAt>|<id>,<id>...}.
 */
record CommentCursor(Instant publishedAt, Set<String> ids) {

    CommentCursor {
        ids = Set.copyOf(ids);
    }

    static CommentCursor parse(String text) {
        int bar = text.indexOf('|');
        try {
            Instant at = Instant.parse(bar < 0 ? text : text.substring(0, bar));
            Set<String> ids = new LinkedHashSet<>();
            if (bar >= 0 && bar + 1 < text.length()) {
                ids.addAll(List.of(text.substring(bar + 1).split(",")));
            }
            return new CommentCursor(at, ids);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a YouTube intake cursor: " + text, e);
        }
    }

    /** Whether a thread is already written: same time and listed. A thread newer than the cursor never is. */
    boolean seen(Instant at, String id) {
        return at.equals(publishedAt) && ids.contains(id);
    }

    /** The cursor once a thread published at {@code at} is written too (threads are written oldest first). */
    CommentCursor after(Instant at, String id) {
        if (at.isAfter(publishedAt)) {
            return new CommentCursor(at, Set.of(id));
        }
        if (at.equals(publishedAt)) {
            Set<String> more = new LinkedHashSet<>(ids);
            more.add(id);
            return new CommentCursor(at, more);
        }
        return this;
    }

    String format() {
        return publishedAt + "|" + String.join(",", ids);
    }
}
