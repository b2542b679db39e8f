package org.clearpost.events;

import java.util.List;

/**
 * Kafka topic names. One topic per producing service and aggregate, keyed by the aggregate id, so all events
 * of one post (or one mention) from one producer stay in order on one partition.
 */
public final class Topics {

    /** drafting-service: posts submitted for clearance and their later versions. */
    public static final String DRAFTING_POSTS = "clearpost.drafting.posts";
    /** drafting-service: campaigns as they are defined and changed, keyed by slug. */
    public static final String DRAFTING_CAMPAIGNS = "clearpost.drafting.campaigns";
    /** clearance-service: the decisions taken on each post version, and cases gone overdue. */
    public static final String CLEARANCE_DECISIONS = "clearpost.clearance.decisions";
    /** clearance-service: the emergency stop (publishing suspended and resumed), one ordered stream. */
    public static final String CLEARANCE_PUBLISHING_CONTROL = "clearpost.clearance.publishing-control";
    /** clearance-service: pre-election periods declared and cancelled, keyed by period id. */
    public static final String CLEARANCE_PRE_ELECTION_PERIODS = "clearpost.clearance.pre-election-periods";
    /** publisher-service: the outcome of publishing each target of a post. */
    public static final String PUBLISHER_PUBLICATIONS = "clearpost.publisher.publications";
    /** publisher-service: alerts for operations, e.g. a cleared decision whose signature did not verify. */
    public static final String PUBLISHER_ALERTS = "clearpost.publisher.alerts";
    /** monitoring-service: mentions of the body, its head and its initiatives. */
    public static final String MONITORING_MENTIONS = "clearpost.monitoring.mentions";
    /** monitoring-service: tracked queries as they are defined, changed and retired, keyed by query id. */
    public static final String MONITORING_TRACKED_QUERIES = "clearpost.monitoring.tracked-queries";

    public static final List<String> ALL = List.of(DRAFTING_POSTS, DRAFTING_CAMPAIGNS, CLEARANCE_DECISIONS,
            CLEARANCE_PUBLISHING_CONTROL, CLEARANCE_PRE_ELECTION_PERIODS, PUBLISHER_PUBLICATIONS, PUBLISHER_ALERTS,
            MONITORING_MENTIONS, MONITORING_TRACKED_QUERIES);

    private Topics() {
    }

    /** The dead-letter topic of one consuming service, where events it could not process are parked. */
    public static String deadLetter(String service) {
        return "clearpost." + service + ".dead-letter";
    }
}
