package org.clearpost.drafting;

/**
 * Incoming channel names; application.properties binds each to its topic. In the root package, not in
 * {@code messaging}, because feature packages have consumers of their own: a feature using {@code messaging} would
 * close a package cycle (the feature -> messaging -> domain -> the feature).
 */
public final class Channels {

    public static final String CLEARANCE_DECISIONS = "clearance-decisions";
    public static final String PUBLICATIONS = "publications";
    /** The name under which this service records the events it has processed. */
    public static final String CONSUMER = "drafting-service";

    private Channels() {
    }
}
