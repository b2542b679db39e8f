package org.clearpost.publisher.messaging;

/** Incoming channel names; application.properties binds each to its topic. */
public final class Channels {

    public static final String CLEARANCE_DECISIONS = "clearance-decisions";
    public static final String PUBLISHING_CONTROL = "publishing-control";
    public static final String DRAFTING_POSTS = "drafting-posts";
    /** The name under which this service records the events it has processed. */
    public static final String CONSUMER = "publisher-service";

    private Channels() {
    }
}
