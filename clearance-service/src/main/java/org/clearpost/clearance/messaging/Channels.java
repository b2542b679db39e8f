package org.clearpost.clearance.messaging;

/** Incoming channel names; application.properties binds each to its topic. */
public final class Channels {

    public static final String DRAFTED_POSTS = "drafted-posts";
    /** Publication outcomes, recorded in the audit log. */
    public static final String PUBLICATIONS = "publications";
    /** The name under which this service records the events it has processed. */
    public static final String CONSUMER = "clearance-service";

    private Channels() {
    }
}
