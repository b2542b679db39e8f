package org.clearpost.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of event types: which record, which CloudEvents type, which topic, which aggregate. Producers and
 * consumers both go through it, so a type name is written in one place only.
 */
public enum EventType {
    POST_DRAFTED(PostDrafted.class, "clearpost.post.drafted.v1", Topics.DRAFTING_POSTS, "post"),
    POST_VERSION_WITHDRAWN(PostVersionWithdrawn.class, "clearpost.post.version-withdrawn.v1", Topics.DRAFTING_POSTS,
            "post"),
    CAMPAIGN_DEFINED(CampaignDefined.class, "clearpost.campaign.defined.v1", Topics.DRAFTING_CAMPAIGNS, "campaign"),
    POST_CLEARED(PostCleared.class, "clearpost.post.cleared.v1", Topics.CLEARANCE_DECISIONS, "post"),
    POST_REJECTED(PostRejected.class, "clearpost.post.rejected.v1", Topics.CLEARANCE_DECISIONS, "post"),
    CHANGES_REQUESTED(ChangesRequested.class, "clearpost.post.changes-requested.v1", Topics.CLEARANCE_DECISIONS,
            "post"),
    CLEARANCE_OVERDUE(ClearanceOverdue.class, "clearpost.clearance.overdue.v1", Topics.CLEARANCE_DECISIONS, "post"),
    CLEARANCE_REROUTED(ClearanceRerouted.class, "clearpost.clearance.rerouted.v1", Topics.CLEARANCE_DECISIONS,
            "post"),
    POST_PUBLISHED(PostPublished.class, "clearpost.post.published.v1", Topics.PUBLISHER_PUBLICATIONS, "post"),
    PUBLICATION_FAILED(PublicationFailed.class, "clearpost.post.publication-failed.v1",
            Topics.PUBLISHER_PUBLICATIONS, "post"),
    MENTION_RECEIVED(MentionReceived.class, "clearpost.mention.received.v1", Topics.MONITORING_MENTIONS, "mention"),
    PUBLISHING_SUSPENDED(PublishingSuspended.class, "clearpost.publishing.suspended.v1",
            Topics.CLEARANCE_PUBLISHING_CONTROL, "publishing"),
    PUBLISHING_RESUMED(PublishingResumed.class, "clearpost.publishing.resumed.v1",
            Topics.CLEARANCE_PUBLISHING_CONTROL, "publishing"),
    PRE_ELECTION_PERIOD_DECLARED(PreElectionPeriodDeclared.class, "clearpost.pre-election-period.declared.v1",
            Topics.CLEARANCE_PRE_ELECTION_PERIODS, "pre-election-period"),
    PRE_ELECTION_PERIOD_CANCELLED(PreElectionPeriodCancelled.class, "clearpost.pre-election-period.cancelled.v1",
            Topics.CLEARANCE_PRE_ELECTION_PERIODS, "pre-election-period"),
    DECISION_SIGNATURE_REJECTED(DecisionSignatureRejected.class, "clearpost.publisher.decision-signature-rejected.v1",
            Topics.PUBLISHER_ALERTS, "post"),
    MENTION_TRIAGED(MentionTriaged.class, "clearpost.mention.triaged.v1", Topics.MONITORING_MENTIONS, "mention"),
    MENTION_ACTIONED(MentionActioned.class, "clearpost.mention.actioned.v1", Topics.MONITORING_MENTIONS, "mention"),
    MENTION_REPLY_REQUESTED(MentionReplyRequested.class, "clearpost.mention.reply-requested.v1",
            Topics.MONITORING_MENTIONS, "mention"),
    MENTION_ANSWERED(MentionAnswered.class, "clearpost.mention.answered.v1", Topics.MONITORING_MENTIONS, "mention"),
    MENTION_OVERDUE(MentionOverdue.class, "clearpost.mention.overdue.v1", Topics.MONITORING_MENTIONS, "mention"),
    MENTION_SPIKE_DETECTED(MentionSpikeDetected.class, "clearpost.mention.spike-detected.v1",
            Topics.MONITORING_SPIKES, "tracked-query"),
    MENTION_SPIKE_ACKNOWLEDGED(MentionSpikeAcknowledged.class, "clearpost.mention.spike-acknowledged.v1",
            Topics.MONITORING_SPIKES, "tracked-query"),
    TRIAGE_RULE_DEFINED(TriageRuleDefined.class, "clearpost.triage-rule.defined.v1", Topics.MONITORING_INBOX_SETTINGS,
            "triage-rule"),
    TRIAGE_RULE_DELETED(TriageRuleDeleted.class, "clearpost.triage-rule.deleted.v1", Topics.MONITORING_INBOX_SETTINGS,
            "triage-rule"),
    AUTHOR_LIST_CHANGED(AuthorListChanged.class, "clearpost.author-list.changed.v1", Topics.MONITORING_INBOX_SETTINGS,
            "author-list-entry"),
    SAVED_REPLY_DEFINED(SavedReplyDefined.class, "clearpost.saved-reply.defined.v1", Topics.MONITORING_INBOX_SETTINGS,
            "saved-reply"),
    SAVED_REPLY_DELETED(SavedReplyDeleted.class, "clearpost.saved-reply.deleted.v1", Topics.MONITORING_INBOX_SETTINGS,
            "saved-reply"),
    TRACKED_QUERY_DEFINED(TrackedQueryDefined.class, "clearpost.tracked-query.defined.v1",
            Topics.MONITORING_TRACKED_QUERIES, "tracked-query"),
    TRACKED_QUERY_RETIRED(TrackedQueryRetired.class, "clearpost.tracked-query.retired.v1",
            Topics.MONITORING_TRACKED_QUERIES, "tracked-query"),
    POST_METRICS_SAMPLED(PostMetricsSampled.class, "clearpost.post.metrics-sampled.v1", Topics.PUBLISHER_METRICS,
            "post"),
    CLEARANCE_CASE_OPENED(ClearanceCaseOpened.class, "clearpost.clearance.case-opened.v1",
            Topics.CLEARANCE_DECISIONS, "post"),
    PRE_ELECTION_REFUSED(PreElectionRefused.class, "clearpost.pre-election-period.refused.v1",
            Topics.CLEARANCE_PRE_ELECTION_PERIODS, "pre-election-period"),
    PRE_ELECTION_EXEMPTION_GRANTED(PreElectionExemptionGranted.class,
            "clearpost.pre-election-period.exemption-granted.v1", Topics.CLEARANCE_PRE_ELECTION_PERIODS,
            "pre-election-period"),
    ACCOUNT_NEEDS_RECONNECT(AccountNeedsReconnect.class, "clearpost.publisher.account-needs-reconnect.v1",
            Topics.PUBLISHER_ALERTS, "account"),
    ACCOUNT_CONNECTED(AccountConnected.class, "clearpost.publisher.account-connected.v1", Topics.PUBLISHER_ALERTS,
            "account");

    private final Class<? extends ClearpostEvent> recordType;
    private final String ceType;
    private final String topic;
    private final String aggregateType;

    EventType(Class<? extends ClearpostEvent> recordType, String ceType, String topic, String aggregateType) {
        this.recordType = recordType;
        this.ceType = ceType;
        this.topic = topic;
        this.aggregateType = aggregateType;
    }

    public Class<? extends ClearpostEvent> recordType() {
        return recordType;
    }

    /** The CloudEvents {@code type} attribute, also the outbox {@code type} column. */
    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public String aggregateType() {
        return aggregateType;
    }

    /** Classpath location of this event's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }

    public static EventType of(ClearpostEvent event) {
        return Arrays.stream(values()).filter(t -> t.recordType == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + event.getClass()));
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
