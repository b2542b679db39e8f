package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One version of a post the sandbox's Bluesky made: its repo (author DID), record key, content id and record, and when
 * Jetstream saw it.
 *
 * @param timeUs      Jetstream's {@code time_us}: unique and increasing, the replay cursor
 * @param operation   {@code create} or {@code update} (a new version of the same record key, with a new cid)
 * @param mention     the body's account is mentioned in a facet or replied to: it shows in its notifications
 * @param reason      the notification reason when {@code mention}: {@code mention} or {@code reply}
 */
public record BlueskyPost(String did, String authorHandle, String authorName, String rkey, String cid, long timeUs,
        String operation, ObjectNode record, boolean mention, String reason) {

    public static final String COLLECTION = "app.bsky.feed.post";

    public String uri() {
        return "at://" + did + "/" + COLLECTION + "/" + rkey;
    }
}
