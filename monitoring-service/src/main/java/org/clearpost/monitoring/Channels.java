package org.clearpost.monitoring;

/**
 * Incoming channel names; application.properties binds each to its topic. In the root package, not in
 * {@code messaging}, so that a feature package with a consumer of its own never has to depend on {@code messaging}.
 */
public final class Channels {

    /** clearpost.drafting.posts: a reply's post submitted (PostDrafted) or withdrawn. */
    public static final String DRAFTED_POSTS = "drafted-posts";
    /** clearpost.clearance.decisions: a reply's post cleared, rejected or sent back. */
    public static final String CLEARANCE_DECISIONS = "clearance-decisions";
    /** clearpost.publisher.publications: a reply live on its network, or failed. */
    public static final String PUBLICATIONS = "publications";
    /** The name under which this service records the events it has processed (EventInbox). */
    public static final String CONSUMER = "monitoring-service";

    private Channels() {
    }
}
