package org.clearpost.monitoring.mastodon;

/**
 * Server-Sent Events, line by line (the WHATWG event-stream rules that matter for Mastodon): {@code field: value}
 * lines build an event, a blank line dispatches it, a line starting with {@code :} is a comment (Mastodon's
 * {@code :)} on connect and {@code :thump} heartbeats). Not thread-safe: one per connection.
 */
final class SseParser {

    /** What one line completed: an event ({@code comment} false) or a comment line. */
    record Sse(String event, String data, boolean comment) {
    }

    private String event;
    private StringBuilder data;

    /** Feeds one line without its terminator; returns what it completes, or null. */
    Sse feed(String line) {
        if (line.isEmpty()) {
            Sse done = data == null ? null : new Sse(event == null ? "message" : event, data.toString(), false);
            event = null;
            data = null;
            return done;
        }
        if (line.charAt(0) == ':') {
            return new Sse(null, line.substring(1), true);
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // id and retry: Mastodon sends neither and offers no Last-Event-ID replay; other fields are ignored
            }
        }
        return null;
    }
}
