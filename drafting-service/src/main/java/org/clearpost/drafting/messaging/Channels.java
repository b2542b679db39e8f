package org.clearpost.drafting.messaging;

/** Incoming channel names; application.properties binds each to its topic. */
public final class Channels {

    public static final String CLEARANCE_DECISIONS = "clearance-decisions";
    public static final String PUBLICATIONS = "publications";
    /** The name under which this service records the events it has processed. */
    public static final String CONSUMER = "drafting-service";

    private Channels() {
    }
}
