package org.clearpost.events;

import org.clearpost.events.figures.FigureType;
import java.util.List;
import java.util.Optional;

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
    /** publisher-service: each published target's engagement as sampled from its network, keyed by post id. */
    public static final String PUBLISHER_METRICS = "clearpost.publisher.metrics";
    /** publisher-service: alerts for operations, e.g. a cleared decision whose signature did not verify. */
    public static final String PUBLISHER_ALERTS = "clearpost.publisher.alerts";
    /** monitoring-service: mentions of the body, its head and its initiatives. */
    public static final String MONITORING_MENTIONS = "clearpost.monitoring.mentions";
    /** monitoring-service: tracked queries as they are defined, changed and retired, keyed by query id. */
    public static final String MONITORING_TRACKED_QUERIES = "clearpost.monitoring.tracked-queries";
    /** monitoring-service: spikes in mentions of a tracked query (possible crises), keyed by query id. */
    public static final String MONITORING_SPIKES = "clearpost.monitoring.spikes";
    /**
     * monitoring-service: the inbox's settings as leads and monitors change them (triage rules keyed by rule id,
     * author list entries keyed by network/list/handle, saved replies keyed by their id); compacted, so the latest
     * state of each is always readable.
     */
    public static final String MONITORING_INBOX_SETTINGS = "clearpost.monitoring.inbox-settings";

    public static final List<String> ALL = List.of(DRAFTING_POSTS, DRAFTING_CAMPAIGNS, CLEARANCE_DECISIONS,
            CLEARANCE_PUBLISHING_CONTROL, CLEARANCE_PRE_ELECTION_PERIODS, PUBLISHER_PUBLICATIONS, PUBLISHER_METRICS, PUBLISHER_ALERTS,
            MONITORING_MENTIONS, MONITORING_TRACKED_QUERIES, MONITORING_SPIKES, MONITORING_INBOX_SETTINGS);

    /**
     * monitoring-service, internal: every item an intake read or a webhook received, exactly as the network sent it
     * ({@code RawItem} as JSON, keyed by the item's stable network key), on its way to monitoring's own pipeline.
     * Not CloudEvents and not in {@link #ALL}: no other service reads it, and its shape is monitoring's to change.
     * Written in Kafka transactions (with the intake's cursor) or by an idempotent producer (webhooks).
     */
    public static final String MONITORING_RAW_MENTIONS = "clearpost.monitoring.raw-mentions";
    /**
     * monitoring-service, internal: each reading intake's resume position (key: the intake's name, value: its cursor),
     * committed in the same Kafka transaction as the raw items it follows. Compacted: the latest cursor per intake.
     * Not CloudEvents and not in {@link #ALL}.
     */
    public static final String MONITORING_INTAKE_CURSORS = "clearpost.monitoring.intake-cursors";

    /** Topics one service keeps for itself (not events, no other reader); every one still has exactly one writer. */
    public static final List<String> INTERNAL = List.of(MONITORING_RAW_MENTIONS, MONITORING_INTAKE_CURSORS);

    /**
     * The raw-mentions topic's partitions: the pipeline's unit of parallelism (one consumer per partition at most),
     * enough for several monitoring replicas with a thread or two each.
     */
    public static final int MONITORING_RAW_MENTIONS_PARTITIONS = 6;

    private Topics() {
    }

    /** The dead-letter topic of one consuming service, where events it could not process are parked. */
    public static String deadLetter(String service) {
        return "clearpost." + service + ".dead-letter";
    }

    /** The partitions {@code topic} must be created with, where the contract says; otherwise the cluster default. */
    public static Optional<Integer> partitions(String topic) {
        return MONITORING_RAW_MENTIONS.equals(topic) ? Optional.of(MONITORING_RAW_MENTIONS_PARTITIONS) : Optional.empty();
    }

    /**
     * Topics of definitions, where the latest record per key is the current state (campaigns, tracked queries, inbox
     * settings): compacted in production (deploy's topics.yaml), so compacted wherever the contract creates topics
     * too, and an analyst reading the AsyncAPI document learns the same everywhere. Not the pre-election periods:
     * since issue 12 the refusals and exemptions of a period share its key, and compaction would keep only the
     * period's latest record, losing its declaration and the rest of its report.
     */
    private static final List<String> COMPACTED = List.of(DRAFTING_CAMPAIGNS, MONITORING_TRACKED_QUERIES,
            MONITORING_INBOX_SETTINGS, MONITORING_INTAKE_CURSORS);

    /**
     * Whether {@code topic} keeps only the latest record per key ({@code cleanup.policy=compact}): the definition
     * topics, monitoring's intake cursors and every figure topic.
     */
    public static boolean compacted(String topic) {
        return COMPACTED.contains(topic) || topic.startsWith(FigureType.TOPIC_PREFIX);
    }
}
