package org.clearpost.analytics.messaging;

/** Incoming channel names; application.properties binds each to its topics. */
public final class Channels {

    /** Every Clearpost topic. */
    public static final String ALL_EVENTS = "all-events";
    /** The name under which this service records the events it has processed. */
    public static final String CONSUMER = "analytics-service";

    private Channels() {
    }
}
